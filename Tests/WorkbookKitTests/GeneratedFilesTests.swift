import Foundation
import Testing
@testable import WorkbookKit

/// The workbook's own generated files are what its book generates, so a
/// plain `swift test` fails on a lesson edited without `workbook build`
/// (the graded suites would otherwise test yesterday's solutions).
@Suite struct GeneratedFilesTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("Solutions/, Exercises/ and Package.swift's exercise list are what the book generates")
    func generatedFilesAreCurrent() throws {
        let course = try Course.load(root: Self.root).0
        let problems =
            GeneratedFilesCheck.problems(course: course, files: Tangler.files(for: course))
            + PackageExerciseList(root: Self.root).problems(for: course)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
    }
}
