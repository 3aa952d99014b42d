/// One exercise's grade.
public struct ExerciseResult: Sendable, Codable {
    public enum Verdict: String, Sendable, Codable {
        case passed, failed, error
        /// Missing from the submission, or still the pristine stub: no points.
        case notStarted = "not started"
    }

    public var exercise: String
    public var lesson: String
    public var tests: [TestResult]
    public var points: Double
    public var maxPoints: Double
    public var verdict: Verdict
    public var compileErrors: [String]
    public var notes: [String]
    /// Time spent running this exercise's tests (the shared build excluded).
    public var seconds: Double

    public var passedCount: Int { tests.filter { $0.status == .passed }.count }

    /// The first test that did not pass: what to tell the student first.
    public var firstProblem: TestResult? { tests.first { $0.status != .passed } }
}

/// A whole submission's grade.
public struct SubmissionResult: Sendable, Codable {
    public var submission: String
    public var exercises: [ExerciseResult]
    public var score: Double
    public var maxScore: Double
    public var seconds: Double
    public var ignoredFiles: [String]
    /// The protections in force while this submission was graded.
    public var sandbox: [String]
    /// Files of the submission that were not taken, each with its reason.
    public var refusedFiles: [String] = []
    /// Signs that the code under test tampered with its results.
    public var anomalies: [String] = []
    /// Set when the grader, not the student, failed: the score is then 0.
    public var graderError: String?
}

extension SubmissionResult {
    /// What every report says about the submission as a whole, in order:
    /// a grader failure, refused and ignored files, signs of tampering.
    public var notices: [String] {
        var notices: [String] = []
        if let graderError { notices.append(graderError) }
        if !refusedFiles.isEmpty { notices.append("Not taken: " + refusedFiles.joined(separator: "; ")) }
        if !ignoredFiles.isEmpty { notices.append("Ignored (only exercise sources are graded): \(ignoredFiles.joined(separator: ", "))") }
        if !anomalies.isEmpty {
            notices.append("The test process's event stream broke its rules, so the tests it touched failed: "
                           + anomalies.prefix(5).joined(separator: "; ") + (anomalies.count > 5 ? "; …" : ""))
        }
        return notices
    }
}
