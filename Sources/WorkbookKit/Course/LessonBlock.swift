/// A top-level block of a lesson, in reading order, with the heading it sits under.
public struct LessonBlock: Sendable {
    public enum Content: Sendable {
        case heading(Heading)
        case code(CodeBlock)
        case prose(Prose)
    }

    public var content: Content
    public var line: Int
    /// The anchor of the nearest heading above (the section it belongs to).
    public var sectionAnchor: String?
}
