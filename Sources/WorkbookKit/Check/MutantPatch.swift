import Foundation

/// A known-buggy version of an exercise's reference:
/// `Tests/Mutants/<Name>/<mutant>.patch`, a unified diff against the
/// generated `Solutions/<Name>/` files that plants one bug, after a line or
/// two that say what is wrong. Being a patch, it follows the book: when the
/// lesson changes the reference, the mutant changes with it, and a patch
/// whose lines the lesson changed no longer applies, which the check reports.
struct MutantPatch: Sendable {
    /// Relative to the workbook's root: `Tests/Mutants/Lock/if-instead-of-while.patch`.
    let path: String
    let text: String

    static let fileExtension = "patch"

    /// The mutant's name: its file name without `.patch`.
    var name: String { ((path as NSString).lastPathComponent as NSString).deletingPathExtension }

    /// What is wrong, in words: the text before the diff.
    var summary: String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.hasPrefix("--- ") && !$0.hasPrefix("diff ") }
            .joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    /// The mutants of one exercise, in name order.
    static func all(in directory: String, root: URL) throws -> [MutantPatch] {
        let folder = root.appending(path: directory)
        return try ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".\(fileExtension)") }.sorted()
            .map { MutantPatch(path: "\(directory)/\($0)", text: try String(contentsOf: folder.appending(path: $0), encoding: .utf8)) }
    }

    /// The reference's files with the bug planted, by GNU patch, with no
    /// fuzz: context the lesson has changed makes the patch fail, never
    /// land somewhere else.
    /// - Throws: a diagnostic at the patch when it does not apply.
    func apply(to solution: [String: String]) throws(WorkbookError) -> [String: String] {
        let folder = FileManager.default.temporaryDirectory.appending(path: "workbook-mutant-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for (name, text) in solution { try text.write(to: folder.appending(path: name), atomically: true, encoding: .utf8) }
            try text.write(to: folder.appending(path: ".mutant.patch"), atomically: true, encoding: .utf8)
        } catch {
            throw .problems([Diagnostic(path, nil, "cannot prepare the mutant: \(error)")])
        }
        let applied = ProcessRunner.run(
            "/usr/bin/env",
            [
                "patch", "--batch", "--forward", "--no-backup-if-mismatch", "--fuzz=0",
                "-p1", "-d", folder.path, "-i", ".mutant.patch",
            ], timeout: 30)
        guard applied.shellStatus == 0 else {
            throw .problems([
                Diagnostic(
                    path, nil,
                    """
                    no longer applies to the reference (the lesson changed the lines it edits): \
                    rewrite it against Solutions/ (`diff -u`), keeping its one bug
                    \(applied.output.trimmingCharacters(in: .whitespacesAndNewlines))
                    """)
            ])
        }
        var patched = solution
        for name in solution.keys {
            patched[name] = try? String(contentsOf: folder.appending(path: name), encoding: .utf8)
        }
        guard patched != solution else {
            throw .problems([Diagnostic(path, nil, "changes nothing in the reference, so it plants no bug")])
        }
        return patched
    }
}
