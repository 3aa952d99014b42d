/// One exercise's grade.
public struct ExerciseResult: Sendable, Codable {
    /// The exercise's outcome as a whole: `passed` when every test passed,
    /// `error` when a test could not finish (or there are none), `failed`
    /// otherwise.
    public enum Verdict: String, Sendable, Codable {
        case passed, failed, error
        /// Missing from the submission, or still the pristine stub: no points.
        case notStarted = "not started"
    }

    /// The exercise's name: `lock`.
    public var exercise: String
    /// The lesson the exercise comes from: `book/02-locks.md`.
    public var lesson: String
    /// The verdict on every graded test of the exercise, in the order the suite lists them.
    public var tests: [TestResult]
    /// The points earned: the tests' points, summed exactly in hundredths.
    public var points: Double
    /// The points the exercise is worth (``GradingPolicy/maxPoints(for:)``).
    public var maxPoints: Double
    /// The exercise's outcome as a whole.
    public var verdict: Verdict
    /// Why the exercise was not built: the compiler's errors, or the refused
    /// constructs its sources use.
    public var compileErrors: [String]
    /// Remarks on the exercise as a whole, for the student: not started, not
    /// built, or no tests listed.
    public var notes: [String]
    /// Time spent running this exercise's tests (the shared build excluded).
    public var seconds: Double

    /// How many of the exercise's tests passed.
    public var passedCount: Int { tests.filter { $0.status == .passed }.count }

    /// The first test that did not pass: what to tell the student first.
    public var firstProblem: TestResult? { tests.first { $0.status != .passed } }
}
