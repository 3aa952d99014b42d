import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write Solutions/ and Exercises/ from the lessons and render the HTML book.",
            discussion:
                "Exercise files you have edited are never overwritten unless you pass --force, which keeps a backup in Exercises/.backups/."
        )

        @OptionGroup var root: RootOption

        @Flag(help: "Replace edited exercise files with the book's stubs (a backup is kept).")
        var force = false

        @Flag(help: "Render the instructor edition of the book (solutions shown beside the stubs).")
        var instructor = false

        @Option(help: "Where the HTML book goes.")
        var bookOutput = ".build/book"

        @Flag(help: "Only render the book (leave Solutions/ and Exercises/ alone).")
        var bookOnly = false

        func run() throws {
            let course = try root.loadCourse()
            if !bookOnly { try tangle(course) }
            let folder = bookOutput.hasPrefix("/") ? URL(filePath: bookOutput) : course.root.appending(path: bookOutput)
            let rendered = try BookRenderer(course: course, edition: instructor ? .instructor : .student).render(to: folder)
            for problem in rendered.problems { printError(problem.description) }
            let milliseconds = Double(rendered.duration.components.attoseconds) / 1e15 + Double(rendered.duration.components.seconds) * 1000
            print(
                "rendered the \(instructor ? "instructor" : "student") edition of the book in \(String(format: "%.0f", milliseconds)) ms (\(rendered.highlighted.afresh) of \(rendered.highlighted.shown) Swift blocks highlighted afresh): \(rendered.indexPage.path)"
            )
        }

        private func tangle(_ course: Course) throws {
            var writer = GeneratedFileWriter(root: course.root)
            writer.force = force
            let report = try writer.write(Tangler.files(for: course))
            print("wrote \(report.written.count) files, \(report.unchanged.count) unchanged")
            if try PackageExerciseList(root: course.root).write(for: course) {
                print("wrote the book's exercises into Package.swift's `exercises` list")
            }
            for path in report.removed { print("removed \(path) (no lesson generates it any more)") }
            for (path, backup) in report.backedUp { print("replaced your edited \(path); your version is in \(backup)") }
            if !report.keptEdited.isEmpty {
                print("kept \(report.keptEdited.count) exercise files you edited (the book's version changed):")
                for path in report.keptEdited { print("  \(path)") }
                print("to replace them with the new stubs, run `swift run workbook build --force` (your versions are backed up)")
            }
        }
    }
}
