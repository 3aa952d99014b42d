import Foundation

/// The `let exercises = [...]` line of the workbook's `Package.swift`: the
/// exercise modules the package builds, in lesson order. The book decides
/// it; `workbook build` writes it, and `workbook check` proves it current.
public struct PackageExerciseList {
    static let path = "Package.swift"
    static var pattern: Regex<Substring> { /let exercises = \[[^\]]*\]/ }

    /// The workbook's root folder, which holds `Package.swift`.
    public let root: URL

    /// The list in the `Package.swift` of the workbook at `root`.
    public init(root: URL) { self.root = root }

    /// The line the book asks for.
    static func line(for course: Course) -> String {
        "let exercises = [" + course.exercises.map { "\"\($0.folder)\"" }.joined(separator: ", ") + "]"
    }

    /// What is wrong with the manifest's list, if anything.
    func problems(for course: Course) -> [Diagnostic] {
        guard let manifest = try? String(contentsOf: root.appending(path: Self.path), encoding: .utf8),
            let match = manifest.firstMatch(of: Self.pattern)
        else {
            return [Diagnostic(Self.path, nil, "no `let exercises = [...]` list: the package cannot build the course's exercises")]
        }
        guard manifest[match.range] != Self.line(for: course) else { return [] }
        let line = manifest[..<match.range.lowerBound].filter { $0 == "\n" }.count + 1
        return [
            Diagnostic(
                Self.path, line,
                "the exercise list is stale (the book defines \(course.exercises.map(\.folder))): run `swift run workbook build`")
        ]
    }

    /// Writes the book's list into the manifest.
    /// - Returns: whether the manifest changed.
    @discardableResult
    public func write(for course: Course) throws -> Bool {
        let url = root.appending(path: Self.path)
        let manifest = try String(contentsOf: url, encoding: .utf8)
        guard let match = manifest.firstMatch(of: Self.pattern) else {
            throw WorkbookError.problems([Diagnostic(Self.path, nil, "no `let exercises = [...]` list to write the book's exercises into")])
        }
        let wanted = Self.line(for: course)
        guard manifest[match.range] != wanted else { return false }
        try manifest.replacingCharacters(in: match.range, with: wanted).write(to: url, atomically: true, encoding: .utf8)
        return true
    }
}
