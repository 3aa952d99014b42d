import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show every exercise with its state (the default command).",
            discussion:
                "An exercise whose files are still the stub is not started; every other one is graded by its tests, so the state always says what the tests say."
        )

        @OptionGroup var root: RootOption

        func run() throws {
            let course = try root.loadCourse()
            let style = TerminalStyle.forStandardOutput()
            let grader = StudentGrader(course: course, policy: try GradingPolicy.load(root: course.root), log: statusLine(style))
            let rows = try grader.progress()
            clearStatusLine(style)
            print(StudentReport(style: style).progress(rows))
        }
    }
}

/// Progress notes (`… building`) on standard error, only when it is a terminal.
func statusLine(_ style: TerminalStyle) -> @Sendable (String) -> Void {
    guard isatty(STDERR_FILENO) != 0 else { return { _ in } }
    return { message in FileHandle.standardError.write(Data("\r\u{1B}[K… \(message)".utf8)) }
}

func clearStatusLine(_ style: TerminalStyle) {
    if isatty(STDERR_FILENO) != 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}
