/// The verdict on one graded test, as Exercism distinguishes them: a test
/// that ran and failed is `failed`; one that could not finish is an error.
public struct TestResult: Sendable, Codable, Equatable {
    /// What became of one test: it passed, it failed, or something kept it
    /// from a verdict of its own.
    public enum Status: String, Sendable, Codable {
        case passed
        case failed
        case timedOut = "timed out"
        case crashed
        case didNotCompile = "did not compile"
        case raceDetected = "data race"
        case notReported = "not reported"
        /// The exercise was not built: its sources use a refused construct.
        case forbidden = "forbidden construct"
        /// The submission's time budget ran out before the test could finish.
        case notRun = "not run"

        /// `failed` is a wrong answer; the rest are errors.
        public var isError: Bool { self != .passed && self != .failed }
    }

    /// A second run of the suite besides the normal one.
    public enum Lane: String, Sendable, Codable {
        case threadSanitizer = "ThreadSanitizer"
        case shakenSchedule = "shaken schedule"
    }

    /// `LockTests.LockTests/mutualExclusion()`.
    public var id: String
    /// The property in words: the test's display name.
    public var name: String
    /// What became of the test.
    public var status: Status
    /// What went wrong, for the student.
    public var message: String
    /// `02-locks#anchor`: where the property is taught.
    public var teaches: String?
    /// How long the test ran, in seconds (its time limit when it timed out; 0
    /// when no time was measured).
    public var seconds: Double
    /// The lane that alone saw this test fail; nil when the normal lane
    /// saw it too (or the test passed).
    public var seenOnlyIn: Lane?
    /// What the test earned and could earn, decided once by the grader.
    public var points: Double = 0
    /// The test's share of the exercise's points, whether it earned them or not.
    public var maxPoints: Double = 0
}
