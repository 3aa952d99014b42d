/// A lesson section as suites and links name it: `02-locks#condition-variables`
/// (a lesson's slug, then optionally a heading's anchor), written in a
/// suite's `.teaches("…")` trait and kept in grade records as that text.
public struct SectionReference: Sendable, Hashable, CustomStringConvertible {
    /// The lesson's slug, its file name without `.md`: `02-locks`.
    public var lesson: String
    /// A heading's anchor in that lesson, or `nil` for the whole lesson.
    public var anchor: String?

    /// Reads `02-locks#anchor`, `02-locks` or `02-locks.md#anchor`.
    public init(_ text: String) {
        let parts = text.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        var lesson = parts.first ?? ""
        if lesson.hasSuffix(".md") { lesson.removeLast(3) }
        self.lesson = lesson
        self.anchor = parts.count > 1 ? parts[1] : nil
    }

    /// `02-locks#anchor`, as written in a suite.
    public var description: String { lesson + (anchor.map { "#\($0)" } ?? "") }

    /// Where a student reads it: `book/02-locks.md#anchor`.
    public var bookPath: String { "book/\(lesson).md" + (anchor.map { "#\($0)" } ?? "") }
}

extension Course {
    /// Whether the reference names a lesson and, if it has an anchor, one of
    /// that lesson's headings.
    func resolves(_ reference: SectionReference) -> Bool {
        guard let lesson = lesson(slug: reference.lesson) else { return false }
        return reference.anchor.map { anchor in lesson.headings.contains { $0.anchor == anchor } } ?? true
    }

    /// `Locks › Deadlock (book/02-locks.md#deadlock)`: the lesson's title and
    /// the heading's text, for a reader; the reference as it is when it
    /// names nothing.
    func title(of reference: SectionReference) -> String {
        guard let lesson = lesson(slug: reference.lesson) else { return reference.description }
        let heading = reference.anchor.flatMap { anchor in lesson.headings.first { $0.anchor == anchor }?.text }
        return [lesson.title, heading].compactMap { $0 }.joined(separator: " › ") + " (\(reference.bookPath))"
    }
}

extension TestResult {
    /// The section that teaches the property this test checks.
    public var section: SectionReference? { teaches.map(SectionReference.init) }
}
