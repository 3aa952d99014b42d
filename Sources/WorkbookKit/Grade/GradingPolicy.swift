import Foundation

/// How many points each exercise and test is worth, and which exercises also
/// run under ThreadSanitizer and with a shaken schedule. Read from
/// `Tests/grading.json`:
///
/// ```json
/// { "pointsPerExercise": 10,
///   "exercises": { "lock": { "points": 20, "tests": { "mutualExclusion": 3 } } },
///   "threadSanitizer": ["race"], "shakenSchedule": ["lock"],
///   "secondsPerTest": 10 }
/// ```
/// An exercise's points are shared among its tests in proportion to their
/// weights (1 unless given).
public struct GradingPolicy: Codable, Sendable {
    /// What one exercise is worth, and how its points are shared among its tests.
    public struct ExercisePolicy: Codable, Sendable {
        /// The exercise's points; ``GradingPolicy/pointsPerExercise`` when not given.
        public var points: Double?
        /// Weights of the exercise's tests by function name
        /// (`mutualExclusion`); a test not named weighs 1.
        public var tests: [String: Double]?
    }

    /// The points of an exercise that does not give its own.
    public var pointsPerExercise: Double = 10
    /// Points and test weights by exercise name; an exercise not listed takes the defaults.
    public var exercises: [String: ExercisePolicy] = [:]
    /// Exercises whose suites also run under ThreadSanitizer.
    public var threadSanitizer: [String] = []
    /// Exercises whose suites also run with a shaken schedule (``ShakenSchedule``).
    public var shakenSchedule: [String] = []
    /// How long one test may run, in seconds, before it is stopped as timed out.
    public var secondsPerTest: Double = 10
    /// How long one build of a submission may take before it is stopped.
    public var secondsPerBuild: Double = 600
    /// Suites of helpers that the graded tests run themselves (for example
    /// in a child process): never graded on their own.
    public var ungradedSuites: [String] = []

    private enum CodingKeys: String, CodingKey {
        case pointsPerExercise, exercises, threadSanitizer, shakenSchedule, secondsPerTest, secondsPerBuild, ungradedSuites
    }

    /// The policy of a course without `Tests/grading.json`: every default.
    public init() {}

    /// Reads a policy in which every key may be left out, keeping its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pointsPerExercise = try container.decodeIfPresent(Double.self, forKey: .pointsPerExercise) ?? pointsPerExercise
        exercises = try container.decodeIfPresent([String: ExercisePolicy].self, forKey: .exercises) ?? [:]
        threadSanitizer = try container.decodeIfPresent([String].self, forKey: .threadSanitizer) ?? []
        shakenSchedule = try container.decodeIfPresent([String].self, forKey: .shakenSchedule) ?? []
        secondsPerTest = try container.decodeIfPresent(Double.self, forKey: .secondsPerTest) ?? secondsPerTest
        secondsPerBuild = try container.decodeIfPresent(Double.self, forKey: .secondsPerBuild) ?? secondsPerBuild
        ungradedSuites = try container.decodeIfPresent([String].self, forKey: .ungradedSuites) ?? []
    }

    /// Reads `Tests/grading.json` of the workbook at `root`, or gives the
    /// defaults when there is no such file.
    public static func load(root: URL) throws(WorkbookError) -> GradingPolicy {
        let path = root.appending(path: "Tests/grading.json").path
        guard let data = FileManager.default.contents(atPath: path) else { return GradingPolicy() }
        do {
            return try JSONDecoder().decode(GradingPolicy.self, from: data)
        } catch {
            throw .problems([Diagnostic("Tests/grading.json", nil, "cannot read the grading policy: \(error)")])
        }
    }

    /// The points `exercise` is worth: its own, or ``pointsPerExercise``.
    public func maxPoints(for exercise: String) -> Double { exercises[exercise]?.points ?? pointsPerExercise }

    /// Points for each test ID of an exercise: shares in proportion to the
    /// weights, in hundredths of a point, that add up exactly to the
    /// exercise's points (the hundredths left over by rounding down go to
    /// the largest remainders, earlier tests first). Decided here only;
    /// every report presents these numbers.
    func points(for exercise: String, tests: [String]) -> [String: Double] {
        let weights = tests.map { exercises[exercise]?.tests?[TestNames.function(of: $0)] ?? 1 }
        let total = weights.reduce(0, +)
        guard total > 0 else { return [:] }
        let cents = Int((maxPoints(for: exercise) * 100).rounded())
        let exact = weights.map { $0 / total * Double(cents) }
        var shares = exact.map { Int($0.rounded(.down)) }
        let order = exact.indices.sorted { (exact[$0] - Double(shares[$0]), $1) > (exact[$1] - Double(shares[$1]), $0) }
        for index in order.prefix(cents - shares.reduce(0, +)) { shares[index] += 1 }
        return Dictionary(uniqueKeysWithValues: zip(tests, shares.map { Double($0) / 100 }))
    }
}

enum TestNames {
    /// `LockTests.LockTests/mutualExclusion()` → `mutualExclusion`.
    static func function(of id: String) -> String {
        let last = id.split(separator: "/").last.map(String.init) ?? id
        return String(last.prefix { $0 != "(" })
    }
}
