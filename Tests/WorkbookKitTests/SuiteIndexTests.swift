import Testing
@testable import WorkbookKit

@Suite("Suite index: test names read from the suites' sources")
struct SuiteIndexTests {
    @Test("tests in a type, a nested type and an extension are all named from their @Test")
    func namesEverywhere() {
        let index = SuiteIndex(sources: [
            """
            @Suite struct LockTests {
                @Test("a property in words", .teaches("02-locks#why-locks")) func one() {}
                @Suite struct Nested { @Test("nested") func two() {} }
            }
            extension LockTests {
                @Test("from an extension") func three() {}
            }
            """
        ])
        #expect(index.entry(for: "LockTests.LockTests/one()") == .init(displayName: "a property in words", teaches: "02-locks#why-locks"))
        #expect(index.entry(for: "LockTests.LockTests/Nested/two()")?.displayName == "nested")
        #expect(index.entry(for: "LockTests.LockTests/three()")?.displayName == "from an extension")
    }
}
