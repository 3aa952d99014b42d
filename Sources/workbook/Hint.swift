import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Hint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the next hint for an exercise, one more each time.")

        @OptionGroup var root: RootOption

        @Argument(help: "The exercise, e.g. lock.")
        var exercise: String

        @Flag(help: "Start again from the first hint.")
        var reset = false

        func run() throws {
            let course = try root.loadCourse()
            let exercise = try course.exercise(named: exercise)
            var progress = HintProgress(root: course.root)
            if reset { try progress.reset(exercise.name) }
            guard let (index, hint) = try progress.next(for: exercise) else {
                print("no hints for \(exercise.name); read \(exercise.lesson.path)")
                return
            }
            print("Hint \(index + 1) of \(exercise.lesson.hints.count) for \(exercise.name):\n")
            print(hint.markdown)
            if index + 1 == exercise.lesson.hints.count {
                print("\n(that was the last hint; `workbook hint \(exercise.name) --reset` starts again)")
            }
        }
    }
}
