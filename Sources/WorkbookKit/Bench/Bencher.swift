import Foundation

/// `workbook bench <exercise>`: times a student's exercise module beside the
/// reference solution and the platform's own primitive, in a release build.
public struct Bencher {
    /// The course whose exercises are timed.
    public let course: Course
    /// Called with a line of progress ("building…").
    public var progress: (String) -> Void

    /// A bencher for `course` that tells `progress` what it is doing.
    public init(course: Course, progress: @escaping (String) -> Void = { _ in }) {
        self.course = course
        self.progress = progress
    }

    /// Builds and runs the benchmark of `exercise` for the submission in
    /// `folder` (a folder holding `Exercises/`, e.g. the workbook itself).
    /// - Throws: `WorkbookError` when the exercise has no benchmark or the
    ///   student's module does not compile.
    public func run(exercise name: String, submission folder: URL) throws -> BenchReport {
        let exercise = try course.exercise(named: name)
        guard let harness = BenchHarness.source(for: exercise) else {
            throw WorkbookError.unknownExercise(name, known: BenchHarness.exercises)
        }
        let submission = try Submission.load(folder, course: course)
        var workspace = BenchWorkspace(exercise: exercise, directory: course.root.appending(path: ".build/workbook/bench-\(exercise.name)"))
        let reference = try referenceSources(exercise)
        workspace.hasReference = !reference.isEmpty
        try workspace.install(student: submission.sources[exercise.name] ?? [:], reference: reference, harness: harness)
        progress("building \(exercise.exerciseModule) and the reference in release mode…")
        if let failed = workspace.build() {
            let errors = CompilerDiagnostics.errorLines(in: failed.output)
            throw WorkbookError.commandFailed(
                command: "swift build -c release (workbook bench)", status: failed.shellStatus,
                output: (errors.isEmpty ? [failed.output] : errors).joined(separator: "\n"))
        }
        var columns: [BenchColumn] = []
        var measurements: [String] = []
        var subjects = [("student", "yours"), ("reference", "reference"), ("platform", BenchHarness.platformName(for: exercise))]
        if !workspace.hasReference { subjects.remove(at: 1) }  // the student edition has no Solutions/
        for (subject, title) in subjects {
            progress("timing \(title)…")
            let outcome = ProcessRunner.run(workspace.executable.path, [subject], timeout: 120)
            let failure: String? =
                switch outcome.ending {
                case .exited(0): nil
                case .exited(let status): "stopped with status \(status) before finishing"
                case .signaled(let signal): "crashed (signal \(signal))"
                case .timedOut, .stopped: "still running after 120 s (a deadlock?); stopped"
                }
            let (column, names) = BenchReport.column(title, output: outcome.output, failure: failure)
            columns.append(column)
            for name in names where !measurements.contains(name) { measurements.append(name) }
        }
        return BenchReport(exercise: exercise.name, measurements: measurements, columns: columns)
    }

    private func referenceSources(_ exercise: Exercise) throws -> [String: String] {
        try SwiftFiles.read(in: course.root.appending(path: exercise.solutionDirectory))
    }
}
