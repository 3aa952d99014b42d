/// Tangles the lessons' exercise blocks into reference solutions and stubs.
public enum Tangler {
    /// Every file the course generates: for each file of each exercise, the
    /// reference solution and the student's stub.
    public static func files(for course: Course) -> [GeneratedFile] {
        course.exercises.flatMap { exercise in
            exercise.files.flatMap { file in
                [
                    GeneratedFile(
                        path: "\(exercise.solutionDirectory)/\(file.name)",
                        contents: file.solutionText(exercise: exercise), kind: .solution),
                    GeneratedFile(
                        path: "\(exercise.exerciseDirectory)/\(file.name)",
                        contents: file.stubText(exercise: exercise), kind: .exercise),
                ]
            }
        }
    }
}
