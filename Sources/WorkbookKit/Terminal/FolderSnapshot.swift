import Foundation

/// The modification times and sizes of the files under a folder: two
/// snapshots differ when a file was saved, added or removed. Polling them is
/// all `workbook watch` needs (no file-system event library).
public struct FolderSnapshot: Sendable, Equatable {
    struct Stamp: Sendable, Equatable {
        var modified: Date
        var size: Int
    }

    var files: [String: Stamp]

    /// Takes a snapshot of the Swift files under `folder`, skipping hidden
    /// entries (`.backups`, `.generated.json`, editors' swap files).
    public static func take(_ folder: URL) -> FolderSnapshot {
        var files: [String: Stamp] = [:]
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        guard
            let enumerator = FileManager.default.enumerator(
                at: folder, includingPropertiesForKeys: keys,
                options: [.skipsHiddenFiles])
        else { return FolderSnapshot(files: [:]) }
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            guard let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { continue }
            files[url.path] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? 0)
        }
        return FolderSnapshot(files: files)
    }

    /// Paths that were added, removed or changed since `earlier`.
    public func changes(since earlier: FolderSnapshot) -> [String] {
        Set(files.keys).union(earlier.files.keys).filter { files[$0] != earlier.files[$0] }.sorted()
    }
}
