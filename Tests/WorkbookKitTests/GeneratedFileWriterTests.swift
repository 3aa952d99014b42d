import Foundation
import Testing
@testable import WorkbookKit

@Suite struct GeneratedFileWriterTests {
    static let solutionPath = "Solutions/Lock/Lock.swift"
    static let exercisePath = "Exercises/Lock/Lock.swift"

    /// The two files `workbook build` writes for one exercise file.
    static func files(
        solution: String = "solution v1\n", stub: String = "stub v1\n",
        name: String = "Lock"
    ) -> [GeneratedFile] {
        [
            GeneratedFile(path: "Solutions/Lock/\(name).swift", contents: solution, kind: .solution),
            GeneratedFile(path: "Exercises/Lock/\(name).swift", contents: stub, kind: .exercise),
        ]
    }

    /// A writer whose clock is fixed, so backup folders have a known name.
    static func writer(_ folder: TemporaryFolder, force: Bool = false) -> GeneratedFileWriter {
        var writer = GeneratedFileWriter(root: folder.url, force: force)
        writer.clock = { Date(timeIntervalSince1970: 1_704_164_645) }  // 2024-01-02 03:04:05 UTC
        return writer
    }

    @Test("the first write writes every file and records the exercise files")
    func firstWrite() throws {
        let folder = try TemporaryFolder()
        let report = try Self.writer(folder).write(Self.files())
        #expect(report.written == [Self.solutionPath, Self.exercisePath])
        #expect(report.unchanged == [] && report.keptEdited == [] && report.removed == [])
        #expect(folder.read(Self.solutionPath) == "solution v1\n")
        #expect(folder.read(Self.exercisePath) == "stub v1\n")
        #expect(folder.exists(GeneratedFileWriter.manifestPath))
    }

    @Test("writing the same content again changes nothing")
    func rewriteUnchanged() throws {
        let folder = try TemporaryFolder()
        _ = try Self.writer(folder).write(Self.files())
        let report = try Self.writer(folder).write(Self.files())
        #expect(report.unchanged == [Self.solutionPath, Self.exercisePath])
        #expect(report.written == [] && report.keptEdited == [] && report.backedUp.isEmpty)
    }

    @Test("when the book changes, an exercise file nobody touched is rewritten")
    func bookChangeRewritesUntouchedStub() throws {
        let folder = try TemporaryFolder()
        _ = try Self.writer(folder).write(Self.files())
        let report = try Self.writer(folder).write(Self.files(solution: "solution v2\n", stub: "stub v2\n"))
        #expect(report.written == [Self.solutionPath, Self.exercisePath])
        #expect(report.keptEdited == [])
        #expect(folder.read(Self.exercisePath) == "stub v2\n")
        // And the new text is what counts as untouched from now on.
        let again = try Self.writer(folder).write(Self.files(solution: "solution v3\n", stub: "stub v3\n"))
        #expect(again.written == [Self.solutionPath, Self.exercisePath])
    }

    @Test("a student's edited exercise file is kept, untouched, and listed", arguments: [false, true])
    func editedStubKept(bookChanged: Bool) throws {
        let folder = try TemporaryFolder()
        _ = try Self.writer(folder).write(Self.files())
        try folder.write("my work\n", to: Self.exercisePath)
        let stub = bookChanged ? "stub v2\n" : "stub v1\n"
        let report = try Self.writer(folder).write(Self.files(stub: stub))
        #expect(report.keptEdited == [Self.exercisePath])
        #expect(!report.written.contains(Self.exercisePath))
        #expect(report.backedUp.isEmpty)
        #expect(folder.read(Self.exercisePath) == "my work\n")
        // Still protected on the next run: the edit is not forgotten.
        let next = try Self.writer(folder).write(Self.files(stub: "stub v3\n"))
        #expect(next.keptEdited == [Self.exercisePath])
        #expect(folder.read(Self.exercisePath) == "my work\n")
    }

    @Test("with force, an edited exercise file is replaced and the student's text backed up")
    func forceBacksUp() throws {
        let folder = try TemporaryFolder()
        _ = try Self.writer(folder).write(Self.files())
        try folder.write("my work\n", to: Self.exercisePath)
        let report = try Self.writer(folder, force: true).write(Self.files(stub: "stub v2\n"))
        let backup = "Exercises/.backups/20240102-030405/Lock/Lock.swift"
        #expect(report.backedUp.map(\.path) == [Self.exercisePath])
        #expect(report.backedUp.map(\.backup) == [backup])
        #expect(report.keptEdited == [])
        #expect(folder.read(Self.exercisePath) == "stub v2\n")
        #expect(folder.read(backup) == "my work\n")
    }

    @Test("solution files are always rewritten, even when edited by hand")
    func solutionsAlwaysRewritten() throws {
        let folder = try TemporaryFolder()
        _ = try Self.writer(folder).write(Self.files())
        try folder.write("hand edit\n", to: Self.solutionPath)
        let report = try Self.writer(folder).write(Self.files())
        #expect(report.written == [Self.solutionPath])
        #expect(report.unchanged == [Self.exercisePath])
        #expect(folder.read(Self.solutionPath) == "solution v1\n")
    }

    @Test("a file the book no longer produces is removed, unless a student edited it")
    func staleFiles() throws {
        let folder = try TemporaryFolder()
        let both =
            Self.files() + Self.files(solution: "old\n", stub: "old stub\n", name: "Old")
            + Self.files(solution: "gone\n", stub: "gone stub\n", name: "Gone")
        _ = try Self.writer(folder).write(both)
        try folder.write("my old work\n", to: "Exercises/Lock/Old.swift")
        try folder.write("stray\n", to: "Solutions/Stray/Stray.swift")

        let report = try Self.writer(folder).write(Self.files())
        #expect(
            report.removed == [
                "Exercises/Lock/Gone.swift", "Solutions/Lock/Gone.swift", "Solutions/Lock/Old.swift",
                "Solutions/Stray/Stray.swift",
            ])
        #expect(!folder.exists("Exercises/Lock/Gone.swift"))
        #expect(!folder.exists("Solutions/Lock/Old.swift"))
        #expect(folder.read("Exercises/Lock/Old.swift") == "my old work\n")
        #expect(folder.read(Self.exercisePath) == "stub v1\n")
    }

    @Test("an exercise file that exists before the first build counts as the student's")
    func unknownExistingFileKept() throws {
        let folder = try TemporaryFolder()
        try folder.write("written before\n", to: Self.exercisePath)
        let report = try Self.writer(folder).write(Self.files())
        #expect(report.keptEdited == [Self.exercisePath])
        #expect(folder.read(Self.exercisePath) == "written before\n")
    }

    @Test("a deleted exercise file is written again")
    func deletedStubRewritten() throws {
        let folder = try TemporaryFolder()
        _ = try Self.writer(folder).write(Self.files())
        try FileManager.default.removeItem(at: folder.url.appending(path: Self.exercisePath))
        let report = try Self.writer(folder).write(Self.files())
        #expect(report.written == [Self.exercisePath])
        #expect(folder.read(Self.exercisePath) == "stub v1\n")
    }

    @Test("a damaged record of generated files stops the build, names the file and overwrites nothing")
    func damagedManifest() throws {
        let folder = try TemporaryFolder()
        _ = try Self.writer(folder).write(Self.files())
        try folder.write("student's work\n", to: Self.exercisePath)
        try folder.write("{ not json", to: GeneratedFileWriter.manifestPath)
        #expect {
            try Self.writer(folder, force: true).write(Self.files(stub: "stub v2\n"))
        } throws: { error in
            "\(error)".hasPrefix("\(GeneratedFileWriter.manifestPath): error: cannot be read")
        }
        #expect(folder.read(Self.exercisePath) == "student's work\n")
    }
}
