import Foundation

/// `workbook watch`: keeps testing the current exercise (the first that does
/// not pass) and moves on as soon as it passes.
public final class WatchSession {
    let course: Course
    let grader: StudentGrader
    let report: StudentReport
    let write: (String) -> Void
    /// Index into `course.exercises` of the exercise being worked on.
    public private(set) var current: Int = 0

    /// A session over `course` that tests with `grader`, words the results
    /// with `report`, and hands everything it says to `write`.
    public init(course: Course, grader: StudentGrader, report: StudentReport, write: @escaping (String) -> Void) {
        self.course = course
        self.grader = grader
        self.report = report
        self.write = write
    }

    /// The exercise being worked on, or `nil` once every exercise passes.
    public var currentExercise: Exercise? { current < course.exercises.count ? course.exercises[current] : nil }

    /// Tests the current exercise and, while it passes, the ones after it.
    /// - Returns: `false` once every exercise passes.
    @discardableResult
    public func testCurrent() throws -> Bool {
        while let exercise = currentExercise {
            let progress = try grader.progress(of: exercise)
            switch progress.state {
            case .notStarted:
                write(
                    report.style.paint("\(exercise.name): not started", .bold) + "\n"
                        + "  read \(exercise.lesson.path), then edit \(exercise.exercisePaths.joined(separator: ", ")); each save re-runs its tests."
                )
                return true
            case .failing:
                if let result = progress.result { write(report.testReport(result, exercise: exercise)) }
                return true
            case .passing:
                write(
                    report.style.mark(passed: true) + " " + report.style.paint("\(exercise.name) passes", .green)
                        + (current + 1 < course.exercises.count ? "; on to the next exercise." : "."))
                current += 1
            }
        }
        write(report.style.paint("Every exercise passes. Well done!", .green))
        return false
    }

    /// Polls `Exercises/` every `interval` seconds and re-tests the current
    /// exercise after each save, until `shouldStop` says so or all pass.
    /// - Parameters:
    ///   - before: called before each re-run with the files that changed (clear the screen here).
    ///   - idle: called at every poll; returns `true` to re-run now (the `r` key).
    public func run(
        interval: Double = 0.5, shouldStop: () -> Bool = { false },
        before: ([String]) -> Void = { _ in }, idle: () -> Bool = { false }
    ) throws {
        let folder = course.root.appending(path: "Exercises")
        var snapshot = FolderSnapshot.take(folder)
        guard try testCurrent() else { return }
        writeWaiting()
        while !shouldStop() {
            Thread.sleep(forTimeInterval: interval)
            let forced = idle()
            let changed = FolderSnapshot.take(folder).changes(since: snapshot)
            guard forced || !changed.isEmpty else { continue }
            // Let an editor finish writing (save = truncate + write, or rename).
            Thread.sleep(forTimeInterval: 0.1)
            snapshot = FolderSnapshot.take(folder)
            before(changed.map { relative($0) })
            guard try testCurrent() else { return }
            writeWaiting()
        }
    }

    func writeWaiting() {
        write(report.style.paint("\nwatching Exercises/ for saves (Ctrl-C to quit)…", .dim))
    }

    func relative(_ path: String) -> String {
        let prefix = course.root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
