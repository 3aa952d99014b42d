import Foundation

/// The Swift sources directly inside one folder of the course (a suite, a
/// solution, a mutant): `.swift` files, hidden ones skipped, in name order.
/// Files a student hands in are read by ``Submission`` instead, which
/// trusts nothing about them.
enum SwiftFiles {
    /// The file names; none when the folder does not exist.
    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix(".") }
            .sorted()
    }

    /// Each file's name and text.
    static func read(in folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in names(in: folder) {
            files[name] = try String(contentsOf: folder.appending(path: name), encoding: .utf8)
        }
        return files
    }
}
