import Foundation

/// Remembers how many hints of each exercise a student has seen
/// (`.build/workbook/hints.json`), so each `workbook hint` shows one more.
public struct HintProgress {
    let file: URL
    private var seen: [String: Int]

    /// Reads the hints seen so far in the workbook at `root`; none when
    /// nothing was recorded or the record cannot be read.
    public init(root: URL) {
        file = root.appending(path: ".build/workbook/hints.json")
        seen = (try? JSONDecoder().decode([String: Int].self, from: Data(contentsOf: file))) ?? [:]
    }

    /// The next hint (and its index), or the last one again once all are seen.
    public mutating func next(for exercise: Exercise) throws -> (Int, ListItem)? {
        let hints = exercise.lesson.hints
        guard !hints.isEmpty else { return nil }
        let index = min(seen[exercise.name] ?? 0, hints.count - 1)
        seen[exercise.name] = index + 1
        try save()
        return (index, hints[index])
    }

    /// Forgets the hints seen of `exercise`, so the next one shown is the first.
    public mutating func reset(_ exercise: String) throws {
        seen[exercise] = nil
        try save()
    }

    private func save() throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONEncoder().encode(seen).write(to: file)
    }
}
