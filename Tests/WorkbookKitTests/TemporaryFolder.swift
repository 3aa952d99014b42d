import Foundation
import Testing
@testable import WorkbookKit

/// A fresh folder under the system's temporary directory, removed when the
/// last reference goes away. Each test gets its own, so tests run in parallel.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appending(path: "workbook-kit-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes `text` at `path` (relative to the folder), creating folders.
    func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    func write(_ data: Data, to path: String) throws {
        let file = url.appending(path: path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    /// The file's text, or `nil` when it does not exist.
    func read(_ path: String) -> String? {
        try? String(contentsOf: url.appending(path: path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appending(path: path).path)
    }
}

/// A workbook root holding `book/` with the given lessons (file name → text).
func loadCourse(
    _ lessons: [String: String],
    in folder: TemporaryFolder? = nil
) throws -> (Course, [Diagnostic]) {
    let folder = try folder ?? TemporaryFolder()
    for (name, text) in lessons { try folder.write(text, to: "book/\(name)") }
    return try withExtendedLifetime(folder) { try Course.load(root: folder.url) }
}

/// Expects exactly one diagnostic in `file` at `line` whose message contains `phrase`.
func expectDiagnostic(
    _ diagnostics: [Diagnostic],
    file: String,
    line: Int?,
    containing phrase: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let hits = diagnostics.filter { $0.file == file && $0.line == line && $0.message.contains(phrase) }
    #expect(
        hits.count == 1,
        "expected one diagnostic \(file):\(line.map(String.init) ?? "-") containing '\(phrase)'; got:\n\(diagnostics.map(\.description).joined(separator: "\n"))",
        sourceLocation: sourceLocation)
    #expect(hits.allSatisfy { $0.severity == .error }, sourceLocation: sourceLocation)
}

/// The lesson's code blocks with the given role kind, in order.
extension Lesson {
    var programBlocks: [CodeBlock] {
        codeBlocks.filter { if case .program = $0.role { true } else { false } }
    }
}
