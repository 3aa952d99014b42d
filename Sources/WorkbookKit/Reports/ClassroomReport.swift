import Foundation

/// The grade in the form GitHub Classroom's `autograding-grading-reporter`
/// reads: one "runner" per exercise, each a JSON object that a workflow step
/// hands to the reporter base64-encoded, in the environment variable
/// `<RUNNER>_RESULTS`. Classroom records the sum of the tests' `score`s out of
/// the sum of the runners' `max_score`s, so what it records is the grade's
/// own points, test by test.
public enum ClassroomReport {
    struct Runner: Encodable {
        var version = 1
        /// `pass`, `fail` or `error`, for the whole exercise.
        var status: String
        var max_score: Double
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var status: String
        var message: String
        var score: Double
        var execution_time: String
    }

    /// Each exercise's runner: its name (the exercise, also the step output's
    /// name) and the JSON. Tests worth no points are left out, since the
    /// reporter's table counts every test it is given as an equal share.
    public static func runners(_ result: SubmissionResult) throws -> [(name: String, json: Data)] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try result.exercises.map { exercise in
            let tests = exercise.tests.filter { $0.maxPoints > 0 }.map { test in
                Test(
                    name: test.name, status: status(test.status), message: message(test, in: exercise),
                    score: test.points, execution_time: String(format: "%.2fs", test.seconds))
            }
            let overall = result.graderError != nil ? "error" : exercise.verdict == .passed ? "pass" : "fail"
            return (exercise.exercise, try encoder.encode(Runner(status: overall, max_score: exercise.maxPoints, tests: tests)))
        }
    }

    private static func status(_ status: TestResult.Status) -> String {
        switch status {
        case .passed: "pass"
        case .failed: "fail"
        default: "error"
        }
    }

    private static func message(_ test: TestResult, in exercise: ExerciseResult) -> String {
        if exercise.verdict == .notStarted { return "not started: the exercise is missing or still the pristine stub" }
        guard test.status != .passed else { return "" }
        let taught = test.section.map { " (taught in \($0.bookPath))" } ?? ""
        return "\(test.status.rawValue): \(test.message.split(separator: "\n").first ?? "")\(taught)"
    }

    /// Lines for a step's `$GITHUB_OUTPUT`: `<exercise>=<base64 JSON>`.
    public static func stepOutputs(_ result: SubmissionResult) throws -> String {
        try runners(result).map { "\($0.name)=\($0.json.base64EncodedString())\n" }.joined()
    }
}
