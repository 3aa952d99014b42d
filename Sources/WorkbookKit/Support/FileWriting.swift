import Foundation

/// Writes `text` only if the file holds something else, so build tools that
/// look at modification times see only real changes.
func writeIfChanged(_ text: String, to url: URL) throws {
    if (try? String(contentsOf: url, encoding: .utf8)) == text { return }
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: true, encoding: .utf8)
}

/// Makes `folder` hold exactly `files` (name → text): other files are
/// removed, unchanged ones are left untouched.
func replaceFolder(_ folder: URL, with files: [String: String]) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for existing in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where files[existing] == nil {
        try FileManager.default.removeItem(at: folder.appending(path: existing))
    }
    for (name, text) in files { try writeIfChanged(text, to: folder.appending(path: name)) }
}

/// Gives `folder` and everything in it to `user` (links themselves, never their targets).
func changeOwner(of folder: URL, to user: UInt32) {
    lchown(folder.path, user, user)
    guard let files = FileManager.default.enumerator(atPath: folder.path) else { return }
    while let relative = files.nextObject() as? String {
        lchown(folder.appending(path: relative).path, user, user)
    }
}
