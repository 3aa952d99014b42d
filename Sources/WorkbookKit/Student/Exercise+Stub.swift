import Foundation

extension Exercise {
    /// The student's files for this exercise (`Exercises/Lock/Lock.swift`, …), relative to the root.
    public var exercisePaths: [String] { files.map { "\(exerciseDirectory)/\($0.name)" } }

    /// Whether the student's folder still holds exactly the pristine stub:
    /// every stub file unchanged (trailing spaces aside, which editors strip)
    /// and no extra Swift file. Nothing needs to run to know it is not started.
    public func isPristine(in root: URL) -> Bool {
        let folder = root.appending(path: exerciseDirectory)
        let present = Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix(".") })
        guard present == Set(files.map(\.name)) else { return false }
        return files.allSatisfy { file in
            guard let text = try? String(contentsOf: folder.appending(path: file.name), encoding: .utf8) else { return false }
            return Self.sameIgnoringTrailingSpace(text, file.stubText(exercise: self))
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
