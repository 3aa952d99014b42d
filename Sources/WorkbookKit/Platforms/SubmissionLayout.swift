import Foundation

/// Where a student's exercises are in an upload. Gradescope hands over
/// whatever the student gave: loose files, a folder holding `Exercises/`
/// (perhaps nested in another), or a cloned repository.
public enum SubmissionLayout {
    /// How deep below the upload `Exercises/` or a loose file is looked for.
    static let searchDepth = 4

    /// The folder to grade: the upload itself when it holds `Exercises/` or
    /// exercise folders; else the shallowest folder below it (links never
    /// followed, `.git` and `.build` skipped) that holds `Exercises/`; else a
    /// folder made in `staging` from the loose files named like an
    /// exercise's files. The notes say what was found, for the report.
    public static func locate(in upload: URL, course: Course, staging: URL) throws -> (folder: URL, notes: [String]) {
        if holdsExercises(upload, course: course) { return (upload, []) }
        if let nested = folders(under: upload).first(where: { isDirectory($0.appending(path: "Exercises")) }) {
            return (nested, ["Graded the exercises in \(relative(nested, to: upload))/Exercises."])
        }
        return try gatherLooseFiles(in: upload, course: course, into: staging)
    }

    private static func holdsExercises(_ folder: URL, course: Course) -> Bool {
        isDirectory(folder.appending(path: "Exercises"))
            || course.exercises.contains { isDirectory(folder.appending(path: $0.folder)) }
    }

    /// Every regular `.swift` file named like one of an exercise's files,
    /// the shallowest of each name, copied into `staging/Exercises/<Name>/`.
    private static func gatherLooseFiles(in upload: URL, course: Course, into staging: URL) throws -> (folder: URL, notes: [String]) {
        var owner: [String: Exercise] = [:]
        for exercise in course.exercises {
            for file in exercise.files { owner[file.name] = exercise }
        }
        var notes: [String] = []
        var taken = Set<String>()
        for folder in [upload] + folders(under: upload) {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
            for name in names {
                guard let exercise = owner[name] else { continue }
                let file = folder.appending(path: name)
                guard !taken.contains(name) else {
                    notes.append("Not graded: \(relative(file, to: upload)) (another \(name) nearer the top was graded).")
                    continue
                }
                guard let text = Submission.readRegularFile(file.path) else {
                    notes.append("Not taken: \(relative(file, to: upload)) (only regular files are graded).")
                    continue
                }
                let target = staging.appending(path: "Exercises/\(exercise.folder)/\(name)")
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: target)
                taken.insert(name)
                notes.append("Graded \(relative(file, to: upload)) as the \(exercise.name) exercise's \(name).")
            }
        }
        if taken.isEmpty {
            let expected = course.exercises.flatMap { $0.files.map(\.name) }.joined(separator: ", ")
            notes.append("No exercise was found: upload the Exercises folder, or the exercise files themselves (\(expected)).")
        }
        try FileManager.default.createDirectory(at: staging.appending(path: "Exercises"), withIntermediateDirectories: true)
        return (staging, notes)
    }

    /// The folders below `root`, breadth first (shallowest first), at most
    /// `searchDepth` deep, never through a link, without `.git` or `.build`.
    private static func folders(under root: URL) -> [URL] {
        var found: [URL] = []
        var level = [root]
        for _ in 0..<searchDepth {
            var next: [URL] = []
            for folder in level {
                let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                for name in names where name != ".git" && !name.hasPrefix(".build") {
                    let child = folder.appending(path: name)
                    if isDirectory(child) { next.append(child) }
                }
            }
            found += next
            level = next
        }
        return found
    }

    /// Whether `url` is a folder itself, not a link to one.
    private static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func relative(_ url: URL, to root: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = root.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : url.lastPathComponent
    }
}
