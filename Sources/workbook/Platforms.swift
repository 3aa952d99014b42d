import ArgumentParser
import Foundation
import WorkbookKit

extension Workbook {
    struct PackageCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "package",
            abstract: "Package the course for a grading platform.",
            subcommands: [GradescopeZip.self, Classroom.self]
        )

        struct Classroom: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Write a GitHub Classroom workflow (.github/workflows/classroom.yml) into a folder: the student edition's repository.",
                discussion:
                    "The workflow grades the student's Exercises/ against the course checked out from --course at --tag, in the sandbox, and reports one line per exercise through GitHub Classroom's reporter."
            )

            @OptionGroup var root: RootOption

            @Argument(help: "The root of the student edition's repository (the assignment's template).")
            var folder: String

            @Option(help: "owner/name of the repository that holds the student edition, untouched.")
            var course: String

            @Option(help: "The tag (or commit) of that repository to grade against.")
            var tag: String

            func run() throws {
                let loaded = try root.loadCourse()
                let file = try ClassroomWorkflow(course: loaded, courseRepository: course, courseRef: tag)
                    .write(into: URL(filePath: folder).standardizedFileURL)
                print("wrote \(file.path)")
                print(
                    "protect these paths in the assignment (students must not change them): \(ClassroomWorkflow.protectedPaths.joined(separator: " "))"
                )
            }
        }

        struct GradescopeZip: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "gradescope",
                abstract: "Write a Gradescope autograder zip: setup.sh, run_autograder and the student edition of the course.",
                discussion:
                    "Upload the zip as the assignment's autograder (Ubuntu 22.04 base image). setup.sh installs Swift 6.3, libcmark, bubblewrap and gdb, builds the grader, and fails the image build unless the reference scores full marks and the stubs nothing."
            )

            @OptionGroup var root: RootOption

            @Argument(help: "The zip to write.")
            var zip: String

            func run() throws {
                let course = try root.loadCourse()
                let report = try GradescopePackage(course: course).write(to: URL(filePath: zip).standardizedFileURL)
                print("wrote \(zip): \(report.files) files, \(report.bytes / 1024) KiB")
            }
        }
    }
}

extension Workbook {
    struct Autograde: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "What a platform's autograder runs (the scripts `workbook package` writes call it).",
            subcommands: [Gradescope.self, SelfTest.self]
        )

        struct Gradescope: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Grade $AUTOGRADER_ROOT/submission (default /autograder) and write results/results.json, always."
            )

            @OptionGroup var root: RootOption

            @Option(help: "Seconds one submission may take; the tests still running then are reported as not run.")
            var budget: Double = 480

            func run() throws {
                let course = try root.loadCourse()
                var autograder = GradescopeAutograder(course: course, root: GradescopeAutograder.root())
                autograder.budget = budget
                let result = autograder.run { printError("… \($0)") }
                print(TerminalReport.text(result))
                if result.graderError != nil { throw ExitCode(2) }
            }
        }

        struct SelfTest: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "selftest",
                abstract: "Grade the reference (full marks) and the stubs (nothing); fails otherwise."
            )

            @OptionGroup var root: RootOption

            @Option(help: "A folder holding the reference solutions as a submission (Exercises/).")
            var reference: String

            func run() throws {
                let course = try root.loadCourse()
                let autograder = GradescopeAutograder(course: course, root: GradescopeAutograder.root())
                for line in try autograder.selfTest(reference: URL(filePath: reference)) { print(line) }
            }
        }
    }
}
