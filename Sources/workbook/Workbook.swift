import ArgumentParser
import Foundation
import WorkbookKit

@main
struct Workbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Work through, build, check and grade the Swift Threading Workbook.",
        subcommands: [Progress.self, Test.self, Hint.self, Watch.self, Reset.self,
                      Build.self, Check.self, Grade.self, GradebookCommand.self, PackageCommand.self, Autograde.self, Release.self, Bench.self],
        defaultSubcommand: Progress.self
    )
}

/// Options every command shares.
struct RootOption: ParsableArguments {
    @Option(name: .customLong("root"), help: "The workbook's folder (holding book/ and Package.swift).")
    var path: String = FileManager.default.currentDirectoryPath

    var url: URL { URL(filePath: path).standardizedFileURL }

    func loadCourse() throws -> Course {
        let (course, problems) = try Course.load(root: url)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            throw ValidationError(errors.map(\.description).joined(separator: "\n") + "\nfix the lessons, then run `swift run workbook check`")
        }
        return course
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
