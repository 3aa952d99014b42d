/// One row of the student's progress: an exercise and its state.
public struct ExerciseProgress: Sendable {
    public var exercise: Exercise
    public var state: ExerciseState
    /// The full grade, when the exercise was graded (not for a pristine stub).
    public var result: ExerciseResult?

    public init(exercise: Exercise, state: ExerciseState, result: ExerciseResult? = nil) {
        self.exercise = exercise
        self.state = state
        self.result = result
    }
}
