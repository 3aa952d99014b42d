import Foundation

extension Exercise {
    /// The student's files for this exercise (`Exercises/Lock/Lock.swift`, …), relative to the root.
    public var exercisePaths: [String] { files.map { "\(exerciseDirectory)/\($0.name)" } }

    /// Whether the student's folder still holds exactly the pristine stub:
    /// every stub file unchanged (trailing spaces aside, which editors strip)
    /// and no extra Swift file. Nothing needs to run to know it is not started.
    public func isPristine(in root: URL) -> Bool {
        let folder = root.appending(path: exerciseDirectory)
        let present = SwiftFiles.names(in: folder)
        var files: [String: String] = [:]
        for name in present {
            // Never blocks: a pipe or a link named like a source is not the stub.
            guard let text = Submission.readRegularFile(folder.appending(path: name).path) else { return false }
            files[name] = text
        }
        return isUntouched(files)
    }

    /// Whether `files` (name → text) are the pristine stub: every stub file
    /// unchanged (line endings and trailing spaces aside, which editors and
    /// checkouts change) and no other file. The one definition of "not
    /// started", used by the grader and the student's progress alike.
    public func isUntouched(_ files: [String: String]) -> Bool {
        guard Set(files.keys) == Set(self.files.map(\.name)) else { return false }
        return self.files.allSatisfy { file in
            files[file.name].map { Self.sameIgnoringTrailingSpace($0, file.stubText(exercise: self)) } ?? false
        }
    }

    static func sameIgnoringTrailingSpace(_ lhs: String, _ rhs: String) -> Bool {
        normalized(lhs) == normalized(rhs)
    }

    private static func normalized(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0).trimmingTrailingSpaces() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}
