/// Where a student stands on one exercise, derived from its tests.
public enum ExerciseState: Sendable, Equatable {
    /// The student's files are still the pristine stub: nothing was run.
    case notStarted
    case passing
    case failing(Problem)

    /// Whether every test of the exercise passes.
    public var isPassing: Bool { self == .passing }

    /// What to tell the student first about a failing exercise.
    public struct Problem: Sendable, Equatable {
        /// `failed`, `timed out`, `did not compile`, …
        public var status: TestResult.Status
        /// The property in words (the test's display name), or the file that
        /// does not compile.
        public var property: String
        /// The first line of the failure message.
        public var message: String
        /// `book/02-locks.md#anchor`, where the property is taught.
        public var section: String?

        /// A problem as given: what went wrong, with what, and where it is taught.
        public init(status: TestResult.Status, property: String, message: String, section: String?) {
            self.status = status
            self.property = property
            self.message = message
            self.section = section
        }
    }

    /// The state a graded exercise is in: passing when every test passed,
    /// else failing on its compile error or its first test that did not pass.
    public init(_ result: ExerciseResult) {
        if let error = result.compileErrors.first {
            self = .failing(
                Problem(
                    status: .didNotCompile, property: "the code compiles",
                    message: error, section: nil))
        } else if result.verdict == .passed {
            self = .passing
        } else if let test = result.firstProblem {
            self = .failing(
                Problem(
                    status: test.status, property: test.name,
                    message: Self.firstLine(of: test.message),
                    section: test.section?.bookPath))
        } else {
            // No tests at all, or an error verdict with nothing to point at.
            self = .failing(
                Problem(
                    status: .notReported, property: "the suite runs",
                    message: result.notes.first ?? "the suite reported no tests", section: nil))
        }
    }

    /// The first line that says something: Swift Testing starts a bare
    /// `Issue.record("…")` with "Issue recorded", the comment comes next.
    static func firstLine(of message: String) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if lines.count > 1 && lines[0] == "Issue recorded" { return lines[1] }
        return lines.first ?? ""
    }
}

extension Array where Element == ExerciseProgress {
    /// The exercise to work on: the first, in lesson order, that does not pass.
    public var next: ExerciseProgress? { first { !$0.state.isPassing } }
}
