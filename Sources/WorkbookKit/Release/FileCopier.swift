import Foundation

/// Copies files and folders from the course into the release, same relative paths.
struct FileCopier {
    let from: URL
    let to: URL

    func copy(_ path: String, optional: Bool = false) throws {
        let source = from.appending(path: path)
        guard FileManager.default.fileExists(atPath: source.path) else {
            if optional { return }
            throw WorkbookError.invalidSubmission(path: source.path, reason: "is missing; the release needs it")
        }
        let target = to.appending(path: path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
    }

    func write(_ text: String, to path: String) throws {
        let target = to.appending(path: path)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: target, atomically: true, encoding: .utf8)
    }
}
