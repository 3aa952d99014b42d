/// A whole submission's grade.
public struct SubmissionResult: Sendable, Codable {
    /// The submission's name (``Submission/name``).
    public var submission: String
    /// The grade of each exercise graded, in course order.
    public var exercises: [ExerciseResult]
    /// The points earned in all, summed exactly in hundredths.
    public var score: Double
    /// The points the graded exercises are worth in all.
    public var maxScore: Double
    /// How long the whole grading took, in seconds, builds included.
    public var seconds: Double
    /// Things in the submission's folder that grading ignored (``Submission/ignored``).
    public var ignoredFiles: [String]
    /// How the exercises were found in the upload (loose files, a nested folder).
    public var layoutNotes: [String]?
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
        notices += layoutNotes ?? []
        if !refusedFiles.isEmpty { notices.append("Not taken: " + refusedFiles.joined(separator: "; ")) }
        if !ignoredFiles.isEmpty { notices.append("Ignored (only exercise sources are graded): \(ignoredFiles.joined(separator: ", "))") }
        if !anomalies.isEmpty {
            notices.append(
                "The test process's event stream broke its rules, so the tests it touched failed: "
                    + anomalies.prefix(5).joined(separator: "; ") + (anomalies.count > 5 ? "; …" : ""))
        }
        return notices
    }
}

extension SubmissionResult {
    /// The result of a submission the grader could not grade: nothing earned,
    /// every exercise listed, and the reason, which is the grader's.
    static func graderFailed(
        _ name: String, course: Course, policy: GradingPolicy, only: Set<String>? = nil,
        protections: [String], because reason: String
    ) -> SubmissionResult {
        let exercises = course.exercises.filter { only?.contains($0.name) ?? true }.map { exercise in
            ExerciseResult(
                exercise: exercise.name, lesson: exercise.lesson.path, tests: [], points: 0,
                maxPoints: policy.maxPoints(for: exercise.name), verdict: .error, compileErrors: [],
                notes: ["not graded: the grader failed"], seconds: 0)
        }
        return SubmissionResult(
            submission: name, exercises: exercises, score: 0,
            maxScore: exercises.map(\.maxPoints).reduce(0, +), seconds: 0, ignoredFiles: [],
            sandbox: protections,
            graderError: "the grader could not grade this submission (the grader failed, not the student): "
                + CrashMessage.withoutPaths(String(reason.prefix(2000))))
    }
}
