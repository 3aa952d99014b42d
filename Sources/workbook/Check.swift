import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Prove the course right: every block, output, stub, solution, suite and mutant.",
            discussion: "Problems are printed as `file:line: error: message`; the exit status is non-zero if there is any."
        )

        @OptionGroup var root: RootOption

        @Option(help: "Run the reference solutions and the mutants this many times (flake statistics).")
        var runs = 1

        @Option(
            name: .customLong("exercise"),
            help: "Check only this exercise's suite, solution, stub, mutants and accepted variants (repeatable; all when not given).")
        var exercises: [String] = []

        @Option(help: "The shaken schedule's seed for every grading (default: a fresh seed for each).")
        var seed: UInt64?

        @Flag(help: "Skip compiling and running the book's code blocks.")
        var skipExamples = false

        @Flag(help: "Skip grading the solutions, stubs and mutants.")
        var skipSuites = false

        @Flag(name: .shortAndLong, help: "Print progress.")
        var verbose = false

        func run() throws {
            var options = CourseChecker.Options()
            options.examples = !skipExamples
            options.suites = !skipSuites
            options.runs = max(1, runs)
            options.exercises = exercises
            options.seed = seed
            let verbose = verbose
            let start = Date()
            let report = try CourseChecker(root: root.url, options: options) { message in
                if verbose { printError("… \(message)") }
            }.check()
            for diagnostic in report.diagnostics { print(diagnostic) }
            print(summary(report, seconds: Date().timeIntervalSince(start)))
            if !report.errors.isEmpty { throw ExitCode.failure }
        }

        private func summary(_ report: CourseChecker.Report, seconds: Double) -> String {
            var lines = ["checked \(report.lessons) lessons, \(report.swiftBlocks) Swift blocks"]
            if let examples = report.examples {
                lines.append(
                    "  \(examples.compiled) blocks compiled (\(String(format: "%.1f", examples.buildSeconds)) s), \(examples.ran) programs run (\(String(format: "%.1f", examples.runSeconds)) s), \(examples.compileFailChecked) compile-fail blocks, \(examples.ignored.count) ignored"
                )
            }
            if let suites = report.suites {
                for tally in suites.tallies {
                    let shaken =
                        tally.onlyWithShakenSchedule > 0 ? ", \(tally.onlyWithShakenSchedule) of them only with a shaken schedule" : ""
                    lines.append(
                        "  \(tally.subject): \(tally.asExpected)/\(tally.runs) as expected" + shaken
                            + (tally.seconds > 0 ? String(format: " (%.1f s)", tally.seconds) : ""))
                }
            }
            let errors = report.errors.count
            lines.append(
                errors == 0
                    ? "no problems (\(String(format: "%.1f", seconds)) s)"
                    : "\(errors) problem\(errors == 1 ? "" : "s") (\(String(format: "%.1f", seconds)) s)")
            return lines.joined(separator: "\n")
        }
    }
}
