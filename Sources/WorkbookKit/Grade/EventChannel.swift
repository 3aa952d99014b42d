import Foundation

/// The pipe through which a test process's event stream reaches the grader.
///
/// A named pipe in a folder only the grader can list, owned by the grader
/// and writable (not readable) by the sandboxed user, bound into the sandbox
/// as a single file. The test process can add to it but never read, rewrite
/// or delete what was already written: records leave it as they arrive.
final class EventChannel {
    /// The folder holding the pipe and the run's private files.
    let folder: URL
    var pipe: URL { folder.appending(path: "events") }
    private let descriptor: Int32

    /// Makes the folder and the pipe and opens its reading end.
    /// - Parameter writer: the user id that will write (and own the files
    ///   it may create in `writable`).
    init(writer: UInt32) throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "workbook-run-\(UUID().uuidString)")
        let pipe = folder.appending(path: "events")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o711])
        guard mkfifo(pipe.path, 0o600) == 0, chmod(pipe.path, 0o622) == 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw WorkbookError.commandFailed(command: "mkfifo \(pipe.path)", status: errno, output: String(cString: strerror(errno)))
        }
        // Opening for reading without waiting for a writer; reads never block.
        let descriptor = open(pipe.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            try? FileManager.default.removeItem(at: folder)
            throw WorkbookError.commandFailed(command: "open \(pipe.path)", status: errno, output: String(cString: strerror(errno)))
        }
        self.folder = folder
        self.descriptor = descriptor
        try FileManager.default.createDirectory(
            at: writable, withIntermediateDirectories: false,
            attributes: [.posixPermissions: 0o700])
        chown(writable.path, writer, writer)
    }

    /// A folder the run may write to and the grader reads afterwards
    /// (ThreadSanitizer's reports).
    var writable: URL { folder.appending(path: "out") }

    /// Everything written since the last call.
    func drain() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            data.append(contentsOf: buffer[0..<count])
            if data.count > 16 << 20 { break }  // the rest on the next call
        }
        return data
    }

    deinit {
        close(descriptor)
        try? FileManager.default.removeItem(at: folder)
    }
}
