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

    func run() throws {
        let course = try root.loadCourse()
        var policy = try GradingPolicy.load(root: course.root)
        if let secondsPerTest { policy.secondsPerTest = secondsPerTest }
        let grader = Grader(course: course, policy: policy, workspace: workspace, jobs: jobs) { printError("… \($0)") }
        let outputFolder = URL(filePath: output)
        var results: [SubmissionResult] = []
        for (index, path) in submissions.enumerated() {
            printError("[\(index + 1)/\(submissions.count)] \(path)")
            let submission = try Submission.load(URL(filePath: path).standardizedFileURL, course: course)
            let result = try grader.grade(submission)
            results.append(result)
            print(TerminalReport.text(result))
            let folder = outputFolder.appending(path: submission.name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try GradescopeReport.json(result, policy: policy).write(to: folder.appending(path: "results.json"))
            try FeedbackPage.html(result, course: course).write(to: folder.appending(path: "feedback.html"), atomically: true, encoding: .utf8)
        }
        let csv = Gradebook.csv(results, exercises: course.exercises.map(\.name))
        try FileManager.default.createDirectory(at: outputFolder, withIntermediateDirectories: true)
        try csv.write(to: outputFolder.appending(path: "gradebook.csv"), atomically: true, encoding: .utf8)
        printError("reports in \(outputFolder.path)/")
    }
}
