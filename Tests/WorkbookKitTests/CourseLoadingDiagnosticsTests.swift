import Foundation
import Testing
@testable import WorkbookKit

@Suite struct CourseLoadingDiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var lessons: [String: String]
        var file: String
        var line: Int?
        var phrase: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unknown attribute",
            lessons: ["01-a.md": "# A\n\n```swift colour=red\nprint(1)\n```\n"],
            file: "book/01-a.md", line: 3, phrase: "unknown attribute 'colour'"),
        Case(
            name: "exercise block without file=",
            lessons: ["01-a.md": "# A\n\nText.\n\n```swift exercise=lock\nlet x = 1\n```\n"],
            file: "book/01-a.md", line: 5, phrase: "attribute 'exercise' requires 'file'"),
        Case(
            name: "unbalanced solution markers",
            lessons: ["01-a.md": "# A\n\n```swift exercise=lock file=Lock.swift\nfunc f() {\n    // BEGIN SOLUTION\n}\n```\n"],
            file: "book/01-a.md", line: 5, phrase: "never closed"),
        Case(
            name: "nested solution markers",
            lessons: [
                "01-a.md": "# A\n\n```swift exercise=lock file=Lock.swift\n// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n```\n"
            ],
            file: "book/01-a.md", line: 5, phrase: "nested"),
        Case(
            name: "include of a file that does not exist",
            lessons: ["01-a.md": "# A\n\nText.\n\n```include file=\"results/none.md\"\n```\n"],
            file: "book/01-a.md", line: 5, phrase: "cannot read the included file results/none.md"),
        Case(
            name: "include without a file",
            lessons: ["01-a.md": "# A\n\n```include\n```\n"],
            file: "book/01-a.md", line: 3, phrase: "attribute 'file' needs a value"),
        Case(
            name: "include that leaves the workbook",
            lessons: ["01-a.md": "# A\n\n```include file=\"../secret.md\"\n```\n"],
            file: "book/01-a.md", line: 3, phrase: "a .md file inside the workbook"),
        Case(
            name: "included file holding a code block",
            lessons: [
                "01-a.md": "# A\n\n```include file=\"book/part.md\"\n```\n",
                "part.md": "## Part\n\n```swift\nprint(1)\n```\n",
            ],
            file: "book/part.md", line: 3, phrase: "an included file cannot hold code blocks"),
        Case(
            name: "output block at the start of a lesson",
            lessons: ["01-a.md": "# A\n\n```output\nhi\n```\n"],
            file: "book/01-a.md", line: 3, phrase: "has no example before it"),
        Case(
            name: "output block separated from its example by a heading",
            lessons: ["01-a.md": "# A\n\n```swift\nprint(1)\n```\n\n## Next\n\n```output\n1\n```\n"],
            file: "book/01-a.md", line: 9, phrase: "has no example before it"),
        Case(
            name: "output block after a fragment",
            lessons: ["01-a.md": "# A\n\n```swift fragment\nlet x = 1\n```\n\n```output\n1\n```\n"],
            file: "book/01-a.md", line: 7, phrase: "follows a block that is not run"),
        Case(
            name: "second output block for one example",
            lessons: ["01-a.md": "# A\n\n```swift\nprint(1)\n```\n\n```output\n1\n```\n\n```output\n1\n```\n"],
            file: "book/01-a.md", line: 11, phrase: "second `output` block for the example at line 3"),
        Case(
            name: "output block with an invalid pattern",
            lessons: ["01-a.md": "# A\n\n```swift\nprint(1)\n```\n\n```output\n/[0-9/\n```\n"],
            file: "book/01-a.md", line: 7, phrase: "invalid regular expression /[0-9/"),
        Case(
            name: "two lessons writing the same exercise file",
            lessons: [
                "01-a.md": "# A\n\n```swift exercise=lock file=Lock.swift\nlet a = 1\n```\n",
                "02-b.md": "# B\n\nMore.\n\n```swift exercise=lock file=Lock.swift\nlet b = 2\n```\n",
            ],
            file: "book/02-b.md", line: 5, phrase: "already comes from book/01-a.md"),
        Case(
            name: "a lesson with no title",
            lessons: ["01-a.md": "## Only a section\n\nText.\n"],
            file: "book/01-a.md", line: nil, phrase: "lesson has no title"),
        Case(
            name: "duplicate lesson numbers",
            lessons: ["01-a.md": "# A\n", "01-b.md": "# B\n"],
            file: "book/01-b.md", line: nil, phrase: "lesson number 01 is already used by book/01-a.md"),
    ]

    @Test("each mistake in a lesson is reported at its file and line", arguments: cases)
    func diagnostic(_ example: Case) throws {
        let (_, problems) = try loadCourse(example.lessons)
        expectDiagnostic(problems, file: example.file, line: example.line, containing: example.phrase)
    }

    @Test("a lesson that is not UTF-8 is reported as unreadable and the others still load")
    func unreadableLesson() throws {
        let folder = try TemporaryFolder()
        try folder.write(Data([0x23, 0x20, 0xFF, 0xFE, 0x0A]), to: "book/01-bad.md")
        let (course, problems) = try loadCourse(["02-good.md": "# Good\n"], in: folder)
        expectDiagnostic(problems, file: "book/01-bad.md", line: nil, containing: "cannot read lesson")
        #expect(course.lessons.map(\.title) == ["Good"])
    }

    @Test("a lesson without a title is left out of the course")
    func untitledLessonLeftOut() throws {
        let (course, _) = try loadCourse(["01-a.md": "Text only.\n", "02-b.md": "# B\n"])
        #expect(course.lessons.map(\.slug) == ["02-b"])
    }

    @Test("a block with a bad info string is kept as an ignored block, not dropped")
    func badInfoStringKept() throws {
        let (course, problems) = try loadCourse(["01-a.md": "# A\n\n```swift colour=red\nprint(1)\n```\n"])
        #expect(problems.count == 1)
        let block = try #require(course.lessons.first?.codeBlocks.first)
        #expect(block.role == .ignored(reason: "invalid info string"))
        #expect(block.fenceLine == 3)
    }

    @Test("a correct lesson gives no diagnostics")
    func cleanLesson() throws {
        let (course, problems) = try loadCourse([
            "01-a.md": "# A\n\n```swift exit=1\nprint(1)\n```\n\n```output unordered\n1\n```\n"
        ])
        #expect(problems == [])
        #expect(course.lessons.first?.programBlocks.first?.expectedOutput == OutputExpectation(mode: .unordered, lines: ["1"]))
    }

    @Test("an include block brings in the file's headings and tables, and the lesson remembers the file")
    func includeSplicesFile() throws {
        let (course, problems) = try loadCourse([
            "01-a.md": "# A\n\n## Before\n\n```include file=\"book/figures.md\"\n```\n\n## After\n",
            "figures.md": "### Locks\n\n<table><tr><td>4.8</td></tr></table>\n",
        ])
        #expect(problems == [])
        let lesson = try #require(course.lessons.first)
        #expect(lesson.headings.map(\.anchor) == ["a", "before", "locks", "after"])
        #expect(lesson.includes == ["book/figures.md"])
        #expect(lesson.codeBlocks.isEmpty)
        let prose = lesson.blocks.compactMap { block -> Prose? in
            if case .prose(let prose) = block.content { prose } else { nil }
        }
        #expect(prose.contains { $0.kind == .html && $0.markdown.contains("<td>4.8</td>") })
    }

    @Test("a folder with no lessons throws noBook", arguments: [[:], ["AUTHORING.md": "# Guide\n", "1-x.md": "# X\n"]])
    func noBook(files: [String: String]) throws {
        let folder = try TemporaryFolder()
        for (name, text) in files { try folder.write(text, to: "book/\(name)") }
        #expect(throws: WorkbookError.noBook(path: folder.url.appending(path: "book").path)) {
            try Course.load(root: folder.url)
        }
    }

    @Test("diagnostics print as file:line: error: message, or file: error: message for a whole file or folder")
    func diagnosticDescription() {
        #expect(Diagnostic("book/02-x.md", 57, "bad").description == "book/02-x.md:57: error: bad")
        #expect(Diagnostic("a.md", 1, "hm", severity: .warning).description == "a.md:1: warning: hm")
        #expect(Diagnostic("Tests/Mutants/Lock", nil, "too few").description == "Tests/Mutants/Lock: error: too few")
    }
}
