/// A graded exercise: one Swift module made from a lesson's exercise blocks.
public struct Exercise: Sendable {
    /// The name used in attributes and commands: `lock`.
    public var name: String
    /// The folder and module stem: `Lock` (`Exercises/Lock`, `LockExercise`).
    public var folder: String
    /// The lesson whose exercise blocks make up the exercise.
    public var lesson: Lesson
    /// The exercise's source files, in the order the lesson first names them.
    public var files: [ExerciseFile]

    /// The module of the student's stubs: `LockExercise`.
    public var exerciseModule: String { folder + "Exercise" }
    /// The module of the reference solution: `LockSolution`.
    public var solutionModule: String { folder + "Solution" }
    /// The test target that grades the exercise: `LockTests`.
    public var testTarget: String { folder + "Tests" }
    /// Where the student's stubs are generated: `Exercises/Lock`.
    public var exerciseDirectory: String { "Exercises/\(folder)" }
    /// Where the reference solution is generated: `Solutions/Lock`.
    public var solutionDirectory: String { "Solutions/\(folder)" }
    /// The folder of the exercise's graded suite: `Tests/LockTests`.
    public var testDirectory: String { "Tests/\(testTarget)" }
    /// The folder of the exercise's known-buggy versions, one patch each:
    /// `Tests/Mutants/Lock`.
    public var mutantsDirectory: String { "Tests/Mutants/\(folder)" }

    static func folderName(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }
}
