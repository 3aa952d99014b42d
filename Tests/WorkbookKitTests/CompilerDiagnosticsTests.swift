import Foundation
import Testing
@testable import WorkbookKit

@Suite struct CompilerDiagnosticsTests {
    static let output = """
        /abs/root/book/02-x.md:57:5: error: cannot convert value of type 'Int' to 'String'
        /abs/root/book/02-x.md:57:5: error: cannot convert value of type 'Int' to 'String'
        /abs/root/book/02-x.md:57:9: error: cannot convert value of type 'Int' to 'String'
        /abs/root/book/02-x.md:58:1: warning: variable 'x' was never used
        /abs/root/book/02-x.md:58:1: note: did you mean 'y'?
        /abs/root/Sources/Main.swift:3:1: error: a Swift file, not a lesson
        [12/40] Compiling Example main.swift
        /abs/root/book/03-y.md:2:10: error: 'Mutex' is not concurrency-safe: here
        """

    @Test("compiler errors in lessons become book/NN-x.md:line diagnostics; duplicates dropped")
    func lessonErrors() {
        let diagnostics = CompilerDiagnostics.lessonErrors(in: Self.output, root: URL(filePath: "/abs/root"))
        #expect(
            diagnostics == [
                Diagnostic("book/02-x.md", 57, "cannot convert value of type 'Int' to 'String'"),
                Diagnostic("book/03-y.md", 2, "'Mutex' is not concurrency-safe: here"),
            ])
        #expect(diagnostics.first?.description == "book/02-x.md:57: error: cannot convert value of type 'Int' to 'String'")
    }

    @Test("the root is matched whatever its spelling", arguments: ["/abs/root/", "/abs/./root", "/abs/other/../root"])
    func rootSpelling(root: String) {
        let diagnostics = CompilerDiagnostics.lessonErrors(
            in: "/abs/root/book/02-x.md:7:1: error: boom", root: URL(filePath: root))
        #expect(diagnostics == [Diagnostic("book/02-x.md", 7, "boom")])
    }

    @Test("output without lesson errors gives no diagnostics")
    func noErrors() {
        #expect(CompilerDiagnostics.lessonErrors(in: "Build complete!\n", root: URL(filePath: "/abs/root")) == [])
    }

    @Test("errorLines keeps only the lines that are errors")
    func errorLines() {
        #expect(CompilerDiagnostics.errorLines(in: Self.output).count == 5)
    }
}

@Suite struct TeachesCheckTests {
    @Test("every .teaches(\"…\") reference is found with its line")
    func references() {
        let source = """
            import Testing

            @Test("never two at once", .teaches("02-locks#lock-then-unlock-with-defer"))
            func one() {}

            @Test(.teaches("03-b"), .teaches("03-b#c")) func two() {}
            // .teaches(not a string literal)
            """
        let found = SuiteIndex.sections(in: source).map { "\($0.section)@\($0.line)" }
        #expect(found == ["02-locks#lock-then-unlock-with-defer@3", "03-b@6", "03-b#c@6"])
    }

    @Test(
        "a reference resolves only to a real lesson and heading",
        arguments: [
            ("02-locks", true),
            ("02-locks#lock-then-unlock-with-defer", true),
            ("02-locks#lock-then-unlock-with-defer-2", true),
            ("02-locks.md#lock-then-unlock-with-defer", true),
            ("02-locks#missing", false),
            ("03-other#lock-then-unlock-with-defer", false),
        ])
    func resolves(reference: String, resolves: Bool) throws {
        let (course, _) = try loadCourse([
            "02-locks.md": "# Locks\n\n## Lock, then unlock with defer\n\n## Lock, then unlock with defer\n"
        ])
        #expect(course.resolves(SectionReference(reference)) == resolves)
    }

    @Test("an empty reference, `.teaches(\"\")`, or an empty anchor names no section")
    func emptyReference() throws {
        let (course, _) = try loadCourse(["02-locks.md": "# Locks\n\n## Deadlock\n"])
        #expect(!course.resolves(SectionReference("")))
        #expect(!course.resolves(SectionReference("02-locks#")))
        #expect(course.resolves(SectionReference("02-locks#deadlock")))
    }

    @Test("a graded suite naming a missing section is reported at its line")
    func problems() throws {
        let folder = try TemporaryFolder()
        try folder.write(
            """
            @Test(.teaches("01-a#ok")) func a() {}
            @Test(.teaches("01-a#nope")) func b() {}
            """, to: "Tests/LockTests/LockTests.swift")
        let (course, _) = try loadCourse(
            ["01-a.md": "# A\n\n## OK\n\n```swift exercise=lock file=Lock.swift\nlet x = 1\n```\n"], in: folder)
        let problems = TeachesCheck.problems(course: course)
        #expect(
            problems == [
                Diagnostic(
                    "Tests/LockTests/LockTests.swift", 2,
                    #"`.teaches("01-a#nope")` names no lesson section (use "NN-slug#anchor")"#)
            ])
    }
}
