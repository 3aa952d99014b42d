import Foundation
import Testing
@testable import WorkbookKit

/// A one-lesson course with one exercise (`gate`, two solution regions, one
/// with stub text) and two hints, for the student-command tests.
enum StudentFixture {
    static let lesson = """
        # Gates

        ## Opening a gate

        A gate opens once.

        ```swift exercise=gate file=Gate.swift
        public final class Gate {
            var open = false
            public init() {}
            public func openGate() {
                // BEGIN SOLUTION
                precondition(!open, "a gate opens only once")
                open = true
                // END SOLUTION
            }
            public func isOpen() -> Bool {
                // BEGIN SOLUTION
                return open && distinctiveSolutionCall()
                // STUB
                // return false
                // END SOLUTION
            }
        }
        ```

        ### Hints

        1. Remember whether it is open.
        2. Answer from what you remembered.

        """

    /// A folder holding the course, with the exercise's stub written as `workbook build` would.
    static func course(in folder: TemporaryFolder) throws -> Course {
        try folder.write(lesson, to: "book/01-gates.md")
        let (course, problems) = try Course.load(root: folder.url)
        precondition(problems.isEmpty, "fixture lesson has problems: \(problems)")
        _ = try GeneratedFileWriter(root: folder.url).write(Tangler.files(for: course))
        return course
    }

    /// The workbook this test target belongs to.
    static var repositoryRoot: URL {
        URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

extension TestResult {
    static func make(_ function: String, _ status: Status, message: String = "", teaches: String? = nil) -> TestResult {
        TestResult(
            id: "GateTests.GateTests/\(function)()", name: "the property \(function) holds", status: status,
            message: message, teaches: teaches, seconds: 0)
    }
}

extension ExerciseResult {
    static func make(_ tests: [TestResult], verdict: Verdict, compileErrors: [String] = []) -> ExerciseResult {
        ExerciseResult(
            exercise: "gate", lesson: "book/01-gates.md", tests: tests,
            points: 0, maxPoints: 10, verdict: verdict, compileErrors: compileErrors, notes: [], seconds: 0)
    }
}

@Suite struct StudentProgressTests {
    struct StateCase: Sendable, CustomTestStringConvertible {
        var label: String
        var result: ExerciseResult
        var expected: ExerciseState
        var testDescription: String { label }
    }

    static let stateCases: [StateCase] = [
        StateCase(
            label: "every test passed", result: .make([.make("a", .passed), .make("b", .passed)], verdict: .passed),
            expected: .passing),
        StateCase(
            label: "the first failing test, its message's first line and its section",
            result: .make(
                [
                    .make("a", .passed),
                    .make("b", .failed, message: "Expectation failed: open\nmore detail", teaches: "01-gates#opening-a-gate"),
                    .make("c", .failed, message: "later"),
                ], verdict: .failed),
            expected: .failing(
                .init(
                    status: .failed, property: "the property b holds", message: "Expectation failed: open",
                    section: "book/01-gates.md#opening-a-gate"))),
        StateCase(
            label: "a deadlock is a timed-out test",
            result: .make([.make("a", .timedOut, message: "still running after 20 s: a deadlock")], verdict: .error),
            expected: .failing(
                .init(
                    status: .timedOut, property: "the property a holds",
                    message: "still running after 20 s: a deadlock", section: nil))),
        StateCase(
            label: "a compile error comes before any test",
            result: .make([.make("a", .didNotCompile)], verdict: .error, compileErrors: ["Gate.swift:3:5: error: boom"]),
            expected: .failing(
                .init(
                    status: .didNotCompile, property: "the code compiles",
                    message: "Gate.swift:3:5: error: boom", section: nil))),
    ]

    @Test("an exercise's state comes from its grade", arguments: stateCases)
    func stateFromResult(_ testCase: StateCase) {
        #expect(ExerciseState(testCase.result) == testCase.expected)
    }

    @Test("the next exercise is the first in lesson order that does not pass")
    func nextExercise() throws {
        let folder = try TemporaryFolder()
        let exercise = try #require(try StudentFixture.course(in: folder).exercises.first)
        func row(_ name: String, _ state: ExerciseState) -> ExerciseProgress {
            var renamed = exercise
            renamed.name = name
            return ExerciseProgress(exercise: renamed, state: state)
        }
        let failing = ExerciseState.failing(.init(status: .failed, property: "p", message: "m", section: nil))
        #expect([row("a", .passing), row("b", .notStarted), row("c", failing)].next?.exercise.name == "b")
        #expect([row("a", .passing), row("b", failing), row("c", .notStarted)].next?.exercise.name == "b")
        #expect([row("a", .passing)].next == nil)
    }

    @Test("the generated stub is pristine; an edit, an extra file or a missing file is not")
    func pristineStub() throws {
        let folder = try TemporaryFolder()
        let course = try StudentFixture.course(in: folder)
        let exercise = try #require(course.exercises.first)
        let path = "Exercises/Gate/Gate.swift"
        let stub = try #require(folder.read(path))
        #expect(stub == exercise.files[0].stubText(exercise: exercise))
        #expect(exercise.isPristine(in: folder.url))

        try folder.write(stub.replacingOccurrences(of: "\n", with: "  \n") + "\n\n", to: path)
        #expect(exercise.isPristine(in: folder.url), "trailing spaces and blank lines an editor adds do not start an exercise")

        try folder.write(stub.replacingOccurrences(of: "return false", with: "return open"), to: path)
        #expect(!exercise.isPristine(in: folder.url))

        try folder.write(stub, to: path)
        try folder.write("let helper = 1\n", to: "Exercises/Gate/Helper.swift")
        #expect(!exercise.isPristine(in: folder.url))

        try FileManager.default.removeItem(at: folder.url.appending(path: "Exercises/Gate"))
        #expect(!exercise.isPristine(in: folder.url))
    }

    @Test("a pristine exercise is not started without running anything")
    func notStartedWithoutGrading() throws {
        let folder = try TemporaryFolder()
        let course = try StudentFixture.course(in: folder)
        // The fixture has no suite and no Package.swift: grading it would fail, so success proves nothing ran.
        let grader = StudentGrader(course: course, policy: GradingPolicy())
        let rows = try grader.progress()
        #expect(rows.map(\.state) == [.notStarted])
        #expect(!FileManager.default.fileExists(atPath: folder.url.appending(path: ".build/workbook").path))
    }

    @Test("the progress list shows the failing property, its message and section, and what to do next; plain when piped")
    func progressText() throws {
        let folder = try TemporaryFolder()
        let exercise = try #require(try StudentFixture.course(in: folder).exercises.first)
        let result = ExerciseResult.make(
            [.make("b", .failed, message: "Expectation failed: open\nmore", teaches: "01-gates#opening-a-gate")],
            verdict: .failed)
        let text = StudentReport(style: .plain).progress([
            ExerciseProgress(exercise: exercise, state: ExerciseState(result), result: result)
        ])
        #expect(text.contains("[FAIL] gate  failing: the property b holds"))
        #expect(text.contains("Expectation failed: open"))
        #expect(!text.contains("more"))
        #expect(text.contains("read book/01-gates.md#opening-a-gate"))
        #expect(text.contains("open   Exercises/Gate/Gate.swift"))
        #expect(text.contains("test   swift run workbook test gate"))
        #expect(!text.contains("\u{1B}["), "no escape codes when piped")
    }

    @Test("colour only on a terminal and never with NO_COLOR")
    func colourRules() {
        let coloured = TerminalStyle(colour: true, symbols: true)
        #expect(coloured.mark(passed: true).contains("\u{1B}[32m"))
        #expect(TerminalStyle(colour: false, symbols: true).mark(passed: true) == "✓")
        #expect(TerminalStyle.plain.mark(passed: false) == "[FAIL]")
        // The test process's standard output is not a terminal.
        #expect(TerminalStyle.forStandardOutput(environment: [:]) == .plain || isatty(STDOUT_FILENO) != 0)
        #expect(!TerminalStyle.forStandardOutput(environment: ["NO_COLOR": "1"]).colour)
    }
}
