import ArgumentParser
import Foundation
import WorkbookKit

@main
struct Workbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract: "Work through, build, check and grade the Swift Threading Workbook.",
        subcommands: [
            Progress.self, Test.self, Hint.self, Watch.self, Reset.self,
            Build.self, Check.self, Grade.self, GradebookCommand.self, PackageCommand.self, Autograde.self, Release.self, Bench.self,
        ],
        defaultSubcommand: Progress.self
    )

    /// Runs the chosen command. The library's errors are already written as
    /// `file:line: error: message` (or say what failed and how to fix it):
    /// they are printed as they are, with exit status 1, not as a usage error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as WorkbookError {
            printError(error.description)
            Foundation.exit(EXIT_FAILURE)
        } catch {
            exit(withError: error)
        }
    }
}

/// Options every command shares.
struct RootOption: ParsableArguments {
    @Option(name: .customLong("root"), help: "The workbook's folder (holding book/ and Package.swift).")
    var path: String = FileManager.default.currentDirectoryPath

    var url: URL { URL(filePath: path).standardizedFileURL }

    /// The course, or its lessons' errors printed as `file:line: error:`
    /// diagnostics and exit status 1 (a mistake in a lesson is not a mistake
    /// in the command line, so no usage text).
    func loadCourse() throws -> Course {
        let (course, problems) = try Course.load(root: url)
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            for error in errors { printError(error.description) }
            printError("fix the lessons, then run `swift run workbook check`")
            throw ExitCode.failure
        }
        return course
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
