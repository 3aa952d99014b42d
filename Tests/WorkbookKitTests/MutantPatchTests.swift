import Foundation
import Testing
@testable import WorkbookKit

/// Mutants are patches against the reference: they follow the book, and
/// one the book has outgrown is reported, never applied somewhere else.
@Suite struct MutantPatchTests {
    static let reference = [
        "Gate.swift": "// header\n\nfunc open() -> Bool {\n    while busy {\n        wait()\n    }\n    return true\n}\n"
    ]

    static func patch(_ diff: String) -> MutantPatch {
        MutantPatch(
            path: "Tests/Mutants/Gate/if-instead-of-while.patch", text: "waits with `if`, not `while`\nso a woken waiter goes on\n\n" + diff
        )
    }

    static let ifInsteadOfWhile = """
        --- a/Gate.swift
        +++ b/Gate.swift
        @@ -3,4 +3,4 @@
         func open() -> Bool {
        -    while busy {
        +    if busy {
                 wait()
             }

        """

    @Test("a patch plants its bug, and its opening lines say what the bug is")
    func applies() throws {
        let mutant = Self.patch(Self.ifInsteadOfWhile)
        #expect(mutant.name == "if-instead-of-while")
        #expect(mutant.summary == "waits with `if`, not `while` so a woken waiter goes on")
        let planted = try mutant.apply(to: Self.reference)
        #expect(planted["Gate.swift"]?.contains("    if busy {") == true)
        #expect(planted["Gate.swift"]?.contains("while") == false)
    }

    @Test("a patch whose lines the lesson changed is reported at the patch, and nothing is applied")
    func outgrown() {
        let changed = ["Gate.swift": Self.reference["Gate.swift"]!.replacingOccurrences(of: "while busy", with: "while isBusy")]
        #expect {
            try Self.patch(Self.ifInsteadOfWhile).apply(to: changed)
        } throws: { error in
            "\(error)".hasPrefix("Tests/Mutants/Gate/if-instead-of-while.patch: error: no longer applies")
        }
    }

    @Test("a patch that changes nothing plants no bug, and says so")
    func changesNothing() {
        let nothing = """
            --- a/Gate.swift
            +++ b/Gate.swift
            @@ -3,3 +3,3 @@
             func open() -> Bool {
            -    while busy {
            +    while busy {
                     wait()

            """
        #expect {
            try Self.patch(nothing).apply(to: Self.reference)
        } throws: { error in
            "\(error)".contains("changes nothing")
        }
    }
}
