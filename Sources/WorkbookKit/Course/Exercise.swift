/// A graded exercise: one Swift module made from a lesson's exercise blocks.
public struct Exercise: Sendable {
    /// The name used in attributes and commands: `lock`.
    public var name: String
    /// The folder and module stem: `Lock` (`Exercises/Lock`, `LockExercise`).
    public var folder: String
    public var lesson: Lesson
    public var files: [ExerciseFile]

    public var exerciseModule: String { folder + "Exercise" }
    public var solutionModule: String { folder + "Solution" }
    public var testTarget: String { folder + "Tests" }
    public var exerciseDirectory: String { "Exercises/\(folder)" }
    public var solutionDirectory: String { "Solutions/\(folder)" }
    public var testDirectory: String { "Tests/\(testTarget)" }
    public var mutantsDirectory: String { "Tests/Mutants/\(folder)" }

    static func folderName(_ name: String) -> String { name.prefix(1).uppercased() + name.dropFirst() }
}
