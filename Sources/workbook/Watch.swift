import ArgumentParser
import Dispatch
import Foundation
import WorkbookKit

extension Workbook {
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-test the current exercise on every save; move on when it passes.",
            discussion:
                "The current exercise is the first that does not pass. Keys on a terminal: h hint, r re-run, q quit; Ctrl-C quits too."
        )

        @OptionGroup var root: RootOption

        @Option(help: "Seconds between checks for saved files.")
        var interval = 0.5

        func run() throws {
            let course = try root.loadCourse()
            let style = TerminalStyle.forStandardOutput()
            let grader = StudentGrader(course: course, policy: try GradingPolicy.load(root: course.root), log: statusLine(style))
            let session = WatchSession(course: course, grader: grader, report: StudentReport(style: style)) { text in
                clearStatusLine(style)
                print(text)
                fflush(nil)
            }
            let keyboard = KeyboardInput()
            let interrupt = Self.quitOnInterrupt(keyboard: keyboard, style: style)
            defer {
                interrupt.cancel()
                keyboard.restore()
            }
            var quit = false
            try session.run(
                interval: interval, shouldStop: { quit },
                before: { changed in
                    print(style.clearScreen, terminator: "")
                    print(style.paint("saved \(changed.joined(separator: ", "))", .dim))
                },
                idle: {
                    var rerun = false
                    for key in keyboard.pressedKeys() {
                        switch key {
                        case "q": quit = true
                        case "r": rerun = true
                        case "h": if let exercise = session.currentExercise { Self.showHint(for: exercise, course: course) }
                        default: break
                        }
                    }
                    return rerun && !quit
                })
        }

        /// Ctrl-C: stop the build or test that is running, put the terminal
        /// back as it was, and leave with status 0.
        static func quitOnInterrupt(keyboard: KeyboardInput, style: TerminalStyle) -> DispatchSourceSignal {
            signal(SIGINT, SIG_IGN)  // the dispatch source receives it instead
            let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
            source.setEventHandler {
                ChildProcesses.terminateAll()
                keyboard.restore()
                if style.colour { print("\u{1B}[0m", terminator: "") }
                print("\nstopped watching")
                fflush(nil)
                Foundation.exit(0)
            }
            source.resume()
            return source
        }

        static func showHint(for exercise: Exercise, course: Course) {
            var hints = HintProgress(root: course.root)
            guard let (index, hint) = try? hints.next(for: exercise) else {
                print("no hints for \(exercise.name); read \(exercise.lesson.path)")
                return
            }
            print("\nHint \(index + 1) of \(exercise.lesson.hints.count) for \(exercise.name):\n\(hint.markdown)\n")
            fflush(nil)
        }
    }
}
