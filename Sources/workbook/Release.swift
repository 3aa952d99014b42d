import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Release: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the student edition into a folder: stubs, suites, stubbed lessons, HTML book, tool.",
            discussion:
                "No solution, mutant or accepted variant is copied; every file of the release is searched for solution lines before it is declared done."
        )

        @OptionGroup var root: RootOption

        @Argument(help: "An empty or new folder for the student edition.")
        var directory: String

        func run() throws {
            let course = try root.loadCourse()
            let destination = URL(filePath: directory).standardizedFileURL
            if destination.path.hasPrefix(course.root.path + "/") && !destination.path.hasPrefix(course.root.path + "/.build") {
                throw ValidationError("release outside the workbook's folder (its Package.swift would be nested inside this one)")
            }
            let report = try StudentRelease(course: course).write(to: destination)
            print("wrote the student edition to \(destination.path) (\(report.files) files)")
            print("searched it for \(report.distinctiveLinesSearched) distinctive solution lines: none found")
            print("the HTML book: \(report.book.path)")
            print("try it: cd \(destination.path) && swift run workbook")
        }
    }
}
