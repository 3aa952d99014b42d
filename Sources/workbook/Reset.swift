import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Put an exercise's stub back, keeping your version in Exercises/.backups/.",
            discussion: "Asks before replacing anything unless you pass --yes."
        )

        @OptionGroup var root: RootOption

        @Argument(help: "The exercise, e.g. lock.")
        var exercise: String

        @Flag(name: .shortAndLong, help: "Do not ask for confirmation.")
        var yes = false

        func run() throws {
            let course = try root.loadCourse()
            let exercise = try course.exercise(named: exercise)
            if exercise.isPristine(in: course.root) {
                print("\(exercise.exerciseDirectory)/ already holds the stub; nothing to reset")
                return
            }
            if !yes {
                print(
                    "Replace \(exercise.exercisePaths.joined(separator: ", ")) with the stub? Your version is kept in Exercises/.backups/. [y/N] ",
                    terminator: "")
                fflush(nil)
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                guard answer == "y" || answer == "yes" else {
                    print(
                        answer.isEmpty && isatty(STDIN_FILENO) == 0
                            ? "\nnot reset (no answer; pass --yes to reset without asking)" : "not reset")
                    throw ExitCode.failure
                }
            }
            let report = try ExerciseReset(root: course.root).reset(exercise)
            if let backup = report.backupFolder { print("your version is in \(backup)/") }
            for path in report.removed { print("removed \(path) (kept in the backup)") }
            print("restored the stub: \(report.restored.joined(separator: ", "))")
        }
    }
}
