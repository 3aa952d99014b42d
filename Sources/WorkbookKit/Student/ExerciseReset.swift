import Foundation

/// Puts an exercise's stub back, keeping the student's version first.
public struct ExerciseReset {
    /// The workbook's root folder, which holds `Exercises/`.
    public let root: URL
    /// The time that names the backup folder.
    public var clock: @Sendable () -> Date = { Date() }

    /// Resets exercises of the workbook at `root`.
    public init(root: URL) { self.root = root }

    /// What a reset did.
    public struct Report: Sendable, Equatable {
        /// Files written with the stub, relative to the root.
        public var restored: [String]
        /// Where the student's files went (`Exercises/.backups/<time>/Lock/`), or `nil` if nothing needed keeping.
        public var backupFolder: String?
        /// The student's extra files, moved into the backup.
        public var removed: [String]
    }

    /// Copies every Swift file of the exercise's folder to
    /// `Exercises/.backups/<time>/<Name>/`, then writes the stub files and
    /// removes files the stub does not have. The manifest
    /// (`Exercises/.generated.json`) records the stub again, so
    /// `workbook build` treats the file as unedited.
    public func reset(_ exercise: Exercise) throws -> Report {
        let fileManager = FileManager.default
        let folder = root.appending(path: exercise.exerciseDirectory)
        let present = SwiftFiles.names(in: folder)
        var report = Report(restored: [], backupFolder: nil, removed: [])
        if !present.isEmpty && !exercise.isPristine(in: root) {
            let backup = "\(GeneratedFileWriter.backupsPath)/\(GeneratedFileWriter.timestamp(clock()))/\(exercise.folder)"
            let backupURL = root.appending(path: backup)
            try fileManager.createDirectory(at: backupURL, withIntermediateDirectories: true)
            for name in present {
                let target = backupURL.appending(path: name)
                if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
                try fileManager.copyItem(at: folder.appending(path: name), to: target)
            }
            report.backupFolder = backup
        }
        try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
        let stubNames = Set(exercise.files.map(\.name))
        for name in present where !stubNames.contains(name) {
            try fileManager.removeItem(at: folder.appending(path: name))
            report.removed.append("\(exercise.exerciseDirectory)/\(name)")
        }
        var manifest = try GeneratedFileWriter(root: root).loadManifest()
        for file in exercise.files {
            let text = file.stubText(exercise: exercise)
            try text.write(to: folder.appending(path: file.name), atomically: true, encoding: .utf8)
            report.restored.append("\(exercise.exerciseDirectory)/\(file.name)")
            manifest["\(exercise.exerciseDirectory)/\(file.name)"] = Fingerprint.of(text)
        }
        try GeneratedFileWriter.saveManifest(manifest, root: root)
        return report
    }
}
