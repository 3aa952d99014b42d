import Foundation

/// A student's work: the exercise sources found in a folder, and nothing else.
///
/// Only regular files are read, never through a link: a symbolic link (to
/// the course's solutions, to a file only the grader may read), a pipe or a
/// device is refused, and so are files past the size and count caps. Every
/// refusal is kept, with its reason, for the report.
public struct Submission: Sendable {
    /// The name reports give the submission: its folder's name, when read by
    /// ``load(_:course:)``.
    public var name: String
    /// The folder the submission was read from.
    public var folder: URL
    /// `exercise name → file name → text`, only for exercises found.
    public var sources: [String: [String: String]]
    /// Things in the folder that grading ignores (an edited manifest, tests…).
    public var ignored: [String]
    /// Files that were not taken, each with its reason.
    public var refused: [String] = []

    /// The largest source file taken, in bytes (256 KiB); a larger one is refused.
    public static let maximumFileBytes = 256 << 10
    /// The most source files taken for one exercise; any more are refused.
    public static let maximumFilesPerExercise = 32

    /// A submission of `sources` (`exercise name → file name → text`) that
    /// was not read from a student's folder, such as the reference solutions.
    public init(name: String, folder: URL, sources: [String: [String: String]], ignored: [String], refused: [String] = []) {
        self.name = name
        self.folder = folder
        self.sources = sources
        self.ignored = ignored
        self.refused = refused
    }

    /// Reads `folder`, which holds `Exercises/<Name>/…` (a clone of the
    /// student edition) or the exercise folders themselves.
    public static func load(_ folder: URL, course: Course) throws(WorkbookError) -> Submission {
        guard kind(of: folder.path) == S_IFDIR else {
            throw .invalidSubmission(path: folder.path, reason: "not a folder (links are not followed)")
        }
        let exercisesFolder =
            kind(of: folder.appending(path: "Exercises").path) == S_IFDIR
            ? folder.appending(path: "Exercises") : folder
        var sources: [String: [String: String]] = [:]
        var refused: [String] = []
        for exercise in course.exercises {
            let exerciseFolder = exercisesFolder.appending(path: exercise.folder)
            let shown = "\(exercisesFolder == folder ? "" : "Exercises/")\(exercise.folder)"
            guard kind(of: exerciseFolder.path) == S_IFDIR else {
                if kind(of: exerciseFolder.path) != nil { refused.append("\(shown): not a folder (links are not followed)") }
                continue
            }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: exerciseFolder.path)) ?? []).sorted()
            for name in names where name.hasSuffix(".swift") && !name.hasPrefix(".") {
                let path = exerciseFolder.appending(path: name).path
                if let reason = refusal(path: path, taken: sources[exercise.name]?.count ?? 0) {
                    refused.append("\(shown)/\(name): \(reason)")
                } else if let text = readRegularFile(path) {
                    sources[exercise.name, default: [:]][name] = text
                } else {
                    refused.append("\(shown)/\(name): could not be read")
                }
            }
        }
        let known = Set(["Exercises", ".git", ".gitignore", "README.md", ".build"] + course.exercises.map(\.folder))
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ignored = top.filter { !known.contains($0) && !$0.hasPrefix(".build") }.sorted()
        return Submission(name: folder.lastPathComponent, folder: folder, sources: sources, ignored: ignored, refused: refused)
    }

    /// Why the file at `path` is not taken, or `nil` to take it.
    private static func refusal(path: String, taken: Int) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return "could not be read" }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFLNK: return "a symbolic link (only regular files are graded)"
        default: return "not a regular file (only regular files are graded)"
        }
        if info.st_size > maximumFileBytes { return "larger than \(maximumFileBytes >> 10) KiB" }
        if taken >= maximumFilesPerExercise { return "more than \(maximumFilesPerExercise) files in one exercise" }
        return nil
    }

    /// The file type of `path`, not following a link (`nil` if absent).
    private static func kind(of path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    /// Reads a regular file without following a link at its last component,
    /// and without blocking on a pipe that replaced it since it was checked.
    static func readRegularFile(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
            let data = try? handle.read(upToCount: maximumFileBytes + 1), data.count <= maximumFileBytes
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
