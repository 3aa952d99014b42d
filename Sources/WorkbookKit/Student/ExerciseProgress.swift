/// One row of the student's progress: an exercise and its state.
public struct ExerciseProgress: Sendable {
    /// The exercise the row is about.
    public var exercise: Exercise
    /// Where the student stands on the exercise.
    public var state: ExerciseState
    /// The full grade, when the exercise was graded (not for a pristine stub).
    public var result: ExerciseResult?

    /// A row for `exercise` in `state`, with its full grade when it was graded.
    public init(exercise: Exercise, state: ExerciseState, result: ExerciseResult? = nil) {
        self.exercise = exercise
        self.state = state
        self.result = result
    }
}
