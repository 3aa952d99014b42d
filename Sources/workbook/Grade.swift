import ArgumentParser
import Foundation
import WorkbookKit

struct Grade: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Grade submissions: folders holding a student's Exercises/.",
        discussion: "Only the exercise sources are taken from a submission; the manifest, suites and support code come from the course. Writes results.json (Gradescope format) and feedback.html into each submission's report folder and a CSV gradebook for the batch."
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

    @Flag(help: "Grade without the sandbox (only for code you trust): no bubblewrap, no user of its own, no control groups.")
    var unsafeNoSandbox = false

    func run() throws {
        let course = try root.loadCourse()
        var policy = try GradingPolicy.load(root: course.root)
        if let secondsPerTest { policy.secondsPerTest = secondsPerTest }
        let sandbox = try Sandbox.make(unsafeNoSandbox ? .none : .required)
        let grader = Grader(course: course, policy: policy, workspace: workspace, jobs: jobs, sandbox: sandbox) {
            printError("… \($0)")
        }
        let folders = submissions.map { URL(filePath: $0).standardizedFileURL }
        let summary = try GradeBatch(grader: grader, output: URL(filePath: output)).run(folders) { index, reports, result in
            printError("[\(index + 1)/\(folders.count)] \(folders[index].path) → \(reports.path)/")
            print(TerminalReport.text(result))
        }
        printError("reports in \(output)/ (gradebook.csv)")
        if summary.graderErrors > 0 {
            printError("the grader could not grade \(summary.graderErrors) of \(folders.count) submissions (each has a results.json saying why)")
            throw ExitCode(2)
        }
    }
}
