import Testing
@testable import WorkbookKit

@Suite struct SanitizerSourcesTests {
    @Test(
        "Synchronization.Mutex spelled in full becomes the plain name the look-alike shadows; nothing else changes",
        arguments: [
            ("let m: Synchronization.Mutex<Int>", "let m: Mutex<Int>"),
            ("Synchronization . Mutex(0)", "Mutex(0)"),
            ("Synchronization.\nMutex", "Mutex"),
            ("Synchronization.Atomic<Int>", "Synchronization.Atomic<Int>"),
            ("Synchronization.MutexBox", "Synchronization.MutexBox"),
            ("MySynchronization.Mutex", "MySynchronization.Mutex"),
            ("import Synchronization", "import Synchronization"),
        ])
    func unqualifies(_ source: String, _ expected: String) {
        #expect(SanitizerSources.unqualified(source) == expected)
    }
}
