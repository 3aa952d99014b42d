import Foundation

/// Writes generated files without ever losing a student's work.
///
/// It remembers a fingerprint of every exercise file it wrote
/// (`Exercises/.generated.json`). An exercise file whose contents no longer
/// match that fingerprint has been edited by someone, and is kept unless
/// `force` is set; then a copy goes to `Exercises/.backups/<time>/` first.
public struct GeneratedFileWriter {
    /// What one ``GeneratedFileWriter/write(_:)`` did, as workbook-relative paths.
    public struct Report: Sendable, Equatable {
        /// Files written: missing or out of date, and (for a stub) not edited
        /// since it was generated.
        public var written: [String] = []
        /// Files that already held what they should.
        public var unchanged: [String] = []
        /// Edited exercise files left alone.
        public var keptEdited: [String] = []
        /// Edited exercise files replaced under `force`, with their backup.
        public var backedUp: [(path: String, backup: String)] = []
        /// Generated files the book no longer produces, removed (an edited
        /// exercise file is never removed).
        public var removed: [String] = []

        /// Compares reports by path, ignoring where backups went (their
        /// folder is named after the time).
        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.written == rhs.written && lhs.unchanged == rhs.unchanged && lhs.keptEdited == rhs.keptEdited
                && lhs.backedUp.map(\.path) == rhs.backedUp.map(\.path) && lhs.removed == rhs.removed
        }
    }

    static let manifestPath = "Exercises/.generated.json"
    static let backupsPath = "Exercises/.backups"

    /// The workbook's root folder, which the generated files' paths are relative to.
    public let root: URL
    /// Whether edited exercise files are replaced (after a backup) rather than kept.
    public var force = false
    /// The time that names the backup folder of this write.
    public var clock: @Sendable () -> Date = { Date() }

    /// A writer for the workbook at `root` that replaces edited exercise
    /// files only under `force`.
    public init(root: URL, force: Bool = false) {
        self.root = root
        self.force = force
    }

    /// Writes `files`, keeps (or, under `force`, backs up) edited exercise
    /// files, removes stale generated files, and records the fingerprints of
    /// the exercise files.
    public func write(_ files: [GeneratedFile]) throws -> Report {
        var manifest = try loadManifest()
        var report = Report()
        let backupFolder = "\(Self.backupsPath)/\(Self.timestamp(clock()))"
        for file in files {
            let url = root.appending(path: file.path)
            let current = try? String(contentsOf: url, encoding: .utf8)
            if current == file.contents {
                report.unchanged.append(file.path)
            } else if let current, file.kind == .exercise, manifest[file.path] != Fingerprint.of(current) {
                guard force else {
                    report.keptEdited.append(file.path)
                    continue
                }
                let backup = "\(backupFolder)/\(file.path.dropFirst("Exercises/".count))"
                try save(current, at: backup)
                try save(file.contents, at: file.path)
                report.backedUp.append((file.path, backup))
            } else {
                try save(file.contents, at: file.path)
                report.written.append(file.path)
            }
            if file.kind == .exercise { manifest[file.path] = Fingerprint.of(file.contents) }
        }
        report.removed = try removeStaleFiles(keeping: Set(files.map(\.path)), manifest: &manifest)
        try saveManifest(manifest)
        return report
    }

    /// Removes generated files the book no longer produces: everything in
    /// `Solutions/`, and exercise files only if nobody edited them.
    private func removeStaleFiles(keeping wanted: Set<String>, manifest: inout [String: String]) throws -> [String] {
        var removed: [String] = []
        for path in swiftFiles(under: "Solutions") where !wanted.contains(path) {
            try FileManager.default.removeItem(at: root.appending(path: path))
            removed.append(path)
        }
        for (path, fingerprint) in manifest where !wanted.contains(path) {
            let url = root.appending(path: path)
            if let current = try? String(contentsOf: url, encoding: .utf8), Fingerprint.of(current) == fingerprint {
                try FileManager.default.removeItem(at: url)
                removed.append(path)
            }
            manifest[path] = nil
        }
        return removed.sorted()
    }

    func swiftFiles(under folder: String) -> [String] {
        let base = root.appending(path: folder)
        guard let enumerator = FileManager.default.enumerator(atPath: base.path) else { return [] }
        return enumerator.compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix(".") }
            .map { "\(folder)/\($0)" }
            .sorted()
    }

    private func save(_ text: String, at path: String) throws {
        let url = root.appending(path: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// The fingerprints of the exercise files last written, or none when
    /// nothing was written yet.
    /// - Throws: when the file exists but cannot be read: guessing would make
    ///   every exercise file look edited (or untouched), so nothing is decided.
    func loadManifest() throws(WorkbookError) -> [String: String] {
        let url = root.appending(path: Self.manifestPath)
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        do {
            return try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        } catch {
            throw .problems([
                Diagnostic(
                    Self.manifestPath, nil,
                    """
                    cannot be read (\(error)): it records which exercise files were generated and not edited since. \
                    Delete it to treat every exercise file as edited (nothing is overwritten without --force), \
                    or restore it from version control
                    """)
            ])
        }
    }

    private func saveManifest(_ manifest: [String: String]) throws {
        try Self.saveManifest(manifest, root: root)
    }

    /// Writes the fingerprints of generated exercise files (also used by
    /// `reset` and `release`, which write stubs themselves).
    static func saveManifest(_ manifest: [String: String], root: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        var data = try encoder.encode(manifest)
        data.append(0x0A)
        let url = root.appending(path: manifestPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if FileManager.default.contents(atPath: url.path) != data { try data.write(to: url) }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
