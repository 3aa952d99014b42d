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
