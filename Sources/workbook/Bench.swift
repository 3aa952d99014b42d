import ArgumentParser
import Foundation
import WorkbookKit

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time your exercise beside the reference solution and the platform's primitive.",
        discussion: "Builds your module from Exercises/ and the reference in release mode, runs the same workload on each and prints nanoseconds per operation. Exercises: lock, semaphore, race. `workbook bench sandbox` instead times the grader's sandbox: one test run and one submission, with and without it."
    )

    @OptionGroup var root: RootOption

    @Argument(help: "The exercise: lock, semaphore or race; or sandbox.")
    var exercise: String

    @Option(help: "A submission folder holding Exercises/ (default: this workbook).")
    var submission: String?

    func run() throws {
        let course = try root.loadCourse()
        if exercise == "sandbox" {
            let benchmark = SandboxBenchmark(course: course, policy: try GradingPolicy.load(root: course.root)) { printError("… \($0)") }
            print(try benchmark.run())
            return
        }
        let folder = submission.map { URL(filePath: $0).standardizedFileURL } ?? course.root
        let report = try Bencher(course: course) { printError("… \($0)") }.run(exercise: exercise, submission: folder)
        print(report.text)
    }
}
