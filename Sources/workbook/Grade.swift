import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Grade: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade submissions: folders holding a student's Exercises/.",
            discussion: """
                Only the exercise sources are taken from a submission; the manifest, suites and support code come from the course. Writes each submission's grade record (grade.json) and its reports (by default results.json in Gradescope's format and feedback.html) into its report folder, and a CSV gradebook for the batch.

                Exit status: 0 when every submission was graded (and, with --fail-under, scored at least that much); 1 when one scored less; 2 when the grader could not grade one (its reports say why).
                """
        )

        @OptionGroup var root: RootOption

        @Argument(help: "Submission folders.")
        var submissions: [String]

        @Option(help: "Where reports go: <output>/<submission>/results.json and <output>/gradebook.csv.")
        var output = "graded"

        @Option(help: "Seconds one test may run before it is killed as timed out (default from Tests/grading.json).")
        var secondsPerTest: Double?

        @Option(help: "The reusable build folder under .build/workbook/ (give gradings that run side by side different names).")
        var workspace = "grading"

        @Option(help: "How many suites run at once, each in its own process and as its own user.")
        var jobs = Grader.defaultJobs

        @Option(
            name: .customLong("format"),
            help:
                "A report to write for each submission: gradescope (results.json), junit (junit.xml), github-classroom (classroom/<exercise>.json, and the step outputs in $GITHUB_OUTPUT when it is set), html (feedback.html). Repeatable; default: gradescope and html."
        )
        var formats: [ReportFormat] = []

        @Option(help: "Exit with status 1 when a submission scores under this percentage of the points (for CI).")
        var failUnder: Double?

        @Option(help: "The shaken schedule's seed for every submission (default: a fresh seed for each).")
        var seed: UInt64?

        @Flag(help: "Grade without the sandbox (only for code you trust): no bubblewrap, no user of its own, no control groups.")
        var unsafeNoSandbox = false

        func run() throws {
            let course = try root.loadCourse()
            var policy = try GradingPolicy.load(root: course.root)
            if let secondsPerTest { policy.secondsPerTest = secondsPerTest }
            let sandbox = try Sandbox.make(unsafeNoSandbox ? .none : .required)
            var grader = Grader(course: course, policy: policy, workspace: workspace, jobs: jobs, sandbox: sandbox) {
                printError("… \($0)")
            }
            grader.seed = seed
            let folders = submissions.map { URL(filePath: $0).standardizedFileURL }
            let chosen = formats.isEmpty ? ReportFormat.standard : Set(formats)
            let batch = GradeBatch(grader: grader, output: URL(filePath: output), formats: chosen)
            let summary = try batch.run(folders) { index, reports, result in
                printError("[\(index + 1)/\(folders.count)] \(folders[index].path) → \(reports.path)/")
                print(TerminalReport.text(result))
            }
            printError("reports in \(output)/ (gradebook.csv)")
            if chosen.contains(.githubClassroom), let stepOutput = ProcessInfo.processInfo.environment["GITHUB_OUTPUT"] {
                try writeStepOutputs(summary, to: stepOutput)
            }
            if summary.graderErrors > 0 {
                printError(
                    "the grader could not grade \(summary.graderErrors) of \(folders.count) submissions (each has a results.json saying why)"
                )
                throw ExitCode(2)
            }
            if let failUnder {
                let under = summary.results.filter { $0.maxScore > 0 && $0.score / $0.maxScore * 100 < failUnder }
                if !under.isEmpty {
                    printError("\(under.count) of \(folders.count) submissions scored under \(failUnder)%")
                    throw ExitCode.failure
                }
            }
        }

        /// A GitHub Actions step's outputs, one per exercise, for the reporter.
        private func writeStepOutputs(_ summary: GradeBatch.Summary, to path: String) throws {
            guard summary.results.count == 1, let result = summary.results.first else {
                printError(
                    "GITHUB_OUTPUT is set but \(summary.results.count) submissions were graded: step outputs are written for one submission only"
                )
                return
            }
            let handle = try FileHandle(forWritingTo: URL(filePath: path))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(ClassroomReport.stepOutputs(result).utf8))
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
