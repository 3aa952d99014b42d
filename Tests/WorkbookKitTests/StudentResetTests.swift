import Foundation
import Testing
@testable import WorkbookKit

@Suite struct StudentResetTests {
    static func reset(_ folder: TemporaryFolder) -> ExerciseReset {
        var reset = ExerciseReset(root: folder.url)
        reset.clock = { Date(timeIntervalSince1970: 1_704_164_645) }  // 2024-01-02 03:04:05 UTC
        return reset
    }

    @Test("reset keeps the student's files in a timestamped backup and restores the stub")
    func keepsBackup() throws {
        let folder = try TemporaryFolder()
        let course = try StudentFixture.course(in: folder)
        let exercise = try #require(course.exercises.first)
        let stub = try #require(folder.read("Exercises/Gate/Gate.swift"))
        try folder.write("// my attempt\n", to: "Exercises/Gate/Gate.swift")
        try folder.write("// my helper\n", to: "Exercises/Gate/Helper.swift")

        let report = try Self.reset(folder).reset(exercise)

        #expect(report.backupFolder == "Exercises/.backups/20240102-030405/Gate")
        #expect(folder.read("Exercises/.backups/20240102-030405/Gate/Gate.swift") == "// my attempt\n")
        #expect(folder.read("Exercises/.backups/20240102-030405/Gate/Helper.swift") == "// my helper\n")
        #expect(folder.read("Exercises/Gate/Gate.swift") == stub)
        #expect(!folder.exists("Exercises/Gate/Helper.swift"))
        #expect(report.removed == ["Exercises/Gate/Helper.swift"])
        #expect(exercise.isPristine(in: folder.url))
    }

    @Test("after a reset, workbook build sees the file as unedited")
    func manifestAgrees() throws {
        let folder = try TemporaryFolder()
        let course = try StudentFixture.course(in: folder)
        try folder.write("// my attempt\n", to: "Exercises/Gate/Gate.swift")
        _ = try Self.reset(folder).reset(try #require(course.exercises.first))
        let build = try GeneratedFileWriter(root: folder.url).write(Tangler.files(for: course))
        #expect(build.keptEdited == [])
    }

    @Test("resetting a pristine stub or a deleted folder needs no backup")
    func nothingToKeep() throws {
        let folder = try TemporaryFolder()
        let course = try StudentFixture.course(in: folder)
        let exercise = try #require(course.exercises.first)
        #expect(try Self.reset(folder).reset(exercise).backupFolder == nil)
        try FileManager.default.removeItem(at: folder.url.appending(path: "Exercises/Gate"))
        #expect(try Self.reset(folder).reset(exercise).backupFolder == nil)
        #expect(exercise.isPristine(in: folder.url))
    }
}
