import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time your exercise beside the reference solution and the platform's primitive.",
            discussion:
                "Builds your module from Exercises/ and the reference in release mode, runs the same workload on each and prints nanoseconds per operation. Exercises: lock, semaphore, race. `workbook bench sandbox` instead times the grader's sandbox: one test run and one submission, with and without it. `workbook bench shaken-schedule` grades the reference --runs times with a shaken schedule (each failure with its seed) and times one submission with and without that lane."
        )

        @OptionGroup var root: RootOption

        @Argument(help: "The exercise: lock, semaphore or race; or sandbox, or shaken-schedule.")
        var exercise: String

        @Option(help: "shaken-schedule: how many gradings of the reference in the lane.")
        var runs = 20

        @Option(name: .customLong("only"), help: "shaken-schedule: grade only this exercise in the lane (repeatable; all when not given).")
        var only: [String] = []

        @Option(help: "A submission folder holding Exercises/ (default: this workbook).")
        var submission: String?

        func run() throws {
            let course = try root.loadCourse()
            if exercise == "sandbox" {
                let benchmark = SandboxBenchmark(course: course, policy: try GradingPolicy.load(root: course.root)) {
                    printError("… \($0)")
                }
                print(try benchmark.run())
                return
            }
            if exercise == "shaken-schedule" {
                let benchmark = ShakenScheduleBenchmark(course: course, policy: try GradingPolicy.load(root: course.root)) {
                    printError("… \($0)")
                }
                print(try benchmark.run(runs: max(1, runs), exercises: only))
                return
            }
            let folder = submission.map { URL(filePath: $0).standardizedFileURL } ?? course.root
            let report = try Bencher(course: course) { printError("… \($0)") }.run(exercise: exercise, submission: folder)
            print(report.text)
        }
    }
}
