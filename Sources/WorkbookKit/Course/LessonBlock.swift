/// A top-level block of a lesson, in reading order, with the heading it sits under.
public struct LessonBlock: Sendable {
    /// What the block is: a heading, a code block or prose.
    public enum Content: Sendable {
        case heading(Heading)
        case code(CodeBlock)
        case prose(Prose)
    }

    /// The heading, code block or prose the block holds.
    public var content: Content
    /// The line of the lesson the block starts on.
    public var line: Int
    /// The anchor of the nearest heading above (the section it belongs to).
    public var sectionAnchor: String?
}
