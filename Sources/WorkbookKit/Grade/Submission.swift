import Foundation

/// A student's work: the exercise sources found in a folder, and nothing else.
public struct Submission: Sendable {
    public var name: String
    public var folder: URL
    /// `exercise name → file name → text`, only for exercises found.
    public var sources: [String: [String: String]]
    /// Things in the folder that grading ignores (an edited manifest, tests…).
    public var ignored: [String]

    /// Reads `folder`, which holds `Exercises/<Name>/…` (a clone of the
    /// student edition) or the exercise folders themselves.
    public static func load(_ folder: URL, course: Course) throws(WorkbookError) -> Submission {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .invalidSubmission(path: folder.path, reason: "not a folder")
        }
        let exercisesFolder = FileManager.default.fileExists(atPath: folder.appending(path: "Exercises").path)
            ? folder.appending(path: "Exercises") : folder
        var sources: [String: [String: String]] = [:]
        for exercise in course.exercises {
            let exerciseFolder = exercisesFolder.appending(path: exercise.folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: exerciseFolder.path)) ?? []
            for name in names where name.hasSuffix(".swift") && !name.hasPrefix(".") {
                guard let data = FileManager.default.contents(atPath: exerciseFolder.appending(path: name).path) else { continue }
                sources[exercise.name, default: [:]][name] = String(decoding: data, as: UTF8.self)
            }
        }
        let known = Set(["Exercises", ".git", ".gitignore", "README.md", ".build"] + course.exercises.map(\.folder))
        let top = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let ignored = top.filter { !known.contains($0) && !$0.hasPrefix(".build") }.sorted()
        return Submission(name: folder.lastPathComponent, folder: folder, sources: sources, ignored: ignored)
    }
}
