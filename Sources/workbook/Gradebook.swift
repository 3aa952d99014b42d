import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct GradebookCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "gradebook",
            abstract: "Rebuild a class's gradebook from the grade records that `workbook grade` wrote.",
            discussion: """
                Reads <graded>/<submission>/grade.json for every submission and prints the gradebook as CSV (or writes it with --output). A roster joins each submission to its student: any CSV with a header row, one of whose columns (`submission`, or else the one whose values match the most report folders) names the submission. For an LMS layout, pass the LMS's own export of its gradebook as the roster.
                """
        )

        @Argument(help: "The folder `workbook grade` wrote its reports into.")
        var graded: String

        @Option(help: "A CSV class list to join the submissions to.")
        var roster: String?

        @Option(help: "Lay the CSV out for this LMS's grade import: canvas or moodle (default: a spreadsheet with every exercise).")
        var lms: Gradebook.Layout?

        @Option(help: "The assignment's column heading in an LMS layout.")
        var assignment = "Swift Threading Workbook"

        @Option(help: "Write the CSV here instead of printing it.")
        var output: String?

        func run() throws {
            let records = try ReportFormat.records(in: URL(filePath: graded))
            guard !records.isEmpty else { throw ValidationError("\(graded): no grade records (grade.json) in its folders") }
            let exercises = records.flatMap { $0.result.exercises.map(\.exercise) }.reduce(into: [String]()) { names, name in
                if !names.contains(name) { names.append(name) }
            }
            var gradebook = Gradebook(results: records.map(\.result), names: records.map(\.name), exercises: exercises)
            gradebook.layout = lms ?? .spreadsheet
            gradebook.assignment = assignment
            if let roster {
                guard let text = try? String(contentsOfFile: roster, encoding: .utf8) else {
                    throw ValidationError("\(roster): cannot read the roster")
                }
                gradebook.roster = try Roster(path: roster, text: text, submissions: records.map(\.name))
                if gradebook.roster?.key == nil { throw ValidationError("\(roster): no column names any submission in \(graded)") }
            }
            for name in gradebook.unmatched { printError("\(name): no row of the roster names this submission") }
            let csv = try gradebook.csv()
            if let output {
                try csv.write(toFile: output, atomically: true, encoding: .utf8)
                printError("gradebook of \(records.count) submissions in \(output)")
            } else {
                print(csv, terminator: "")
            }
        }
    }
}

extension Gradebook.Layout: ExpressibleByArgument {}
