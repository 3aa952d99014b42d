import Foundation

/// Grades a student's own `Exercises/` one exercise at a time, for the
/// student commands (`workbook`, `test`, `watch`).
///
/// Each exercise gets its own grading workspace (`.build/workbook/student-<name>`)
/// holding only that exercise's module and suite: a one-line edit rebuilds one
/// small module and relinks one small test binary, and the workspaces of the
/// other exercises stay warm for the next `workbook` progress run.
public struct StudentGrader {
    /// The course whose exercises are graded.
    public let course: Course
    /// What each test is worth and how long it may run.
    public var policy: GradingPolicy
    /// The shaken-schedule lane's seed (`workbook test --seed`, to replay
    /// a failure); a fresh one for each grading when nil.
    public var seed: UInt64?
    let log: @Sendable (String) -> Void

    /// A grader for the student's own copy of `course`, under `policy`.
    public init(course: Course, policy: GradingPolicy, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.course = course
        self.policy = policy
        self.log = log
    }

    /// The grading workspace name for one exercise.
    static func workspace(for exercise: Exercise) -> String { "student-\(exercise.name)" }

    /// Grades `exercise` from the student's `Exercises/` through the ``Grader``
    /// (isolated, every test bounded by the policy's time limit).
    public func grade(_ exercise: Exercise) throws -> ExerciseResult {
        let submission = try Submission.load(course.root, course: course)
        var grader = Grader(course: course, policy: policy, workspace: Self.workspace(for: exercise), log: log)
        grader.seed = seed
        let result = try grader.grade(submission, only: [exercise.name])
        guard let graded = result.exercises.first(where: { $0.exercise == exercise.name }) else {
            throw WorkbookError.commandFailed(command: "grade \(exercise.name)", status: nil, output: "the grader returned no result")
        }
        return graded
    }

    /// The exercise's state: `notStarted` for a pristine stub (nothing is
    /// run), otherwise what its tests say.
    public func progress(of exercise: Exercise) throws -> ExerciseProgress {
        if exercise.isPristine(in: course.root) { return ExerciseProgress(exercise: exercise, state: .notStarted) }
        let result = try grade(exercise)
        return ExerciseProgress(exercise: exercise, state: ExerciseState(result), result: result)
    }

    /// Every exercise's state, in lesson order.
    public func progress() throws -> [ExerciseProgress] {
        try course.exercises.map(progress(of:))
    }
}
