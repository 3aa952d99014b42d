import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run one exercise's tests on your Exercises/ and explain each failure.",
            discussion:
                "Each test runs isolated with a time limit: a deadlock ends as \"timed out\". The exit status is non-zero unless every test passes."
        )

        @OptionGroup var root: RootOption

        @Argument(help: "The exercise, e.g. lock.")
        var exercise: String

        @Option(help: "Seconds one test may run before it counts as timed out (default from Tests/grading.json).")
        var secondsPerTest: Double?

        @Option(help: "The shaken schedule's seed, to replay a failure that names one (default: a fresh seed).")
        var seed: UInt64?

        func run() throws {
            let course = try root.loadCourse()
            let exercise = try course.exercise(named: exercise)
            var policy = try GradingPolicy.load(root: course.root)
            if let secondsPerTest { policy.secondsPerTest = secondsPerTest }
            let style = TerminalStyle.forStandardOutput()
            var grader = StudentGrader(course: course, policy: policy, log: statusLine(style))
            grader.seed = seed
            let result = try grader.grade(exercise)
            clearStatusLine(style)
            print(StudentReport(style: style).testReport(result, exercise: exercise))
            if result.verdict != .passed { throw ExitCode.failure }
        }
    }
}
