/// A link in a Markdown document: where it points and the line it is on.
public struct MarkdownLink: Sendable, Equatable {
    /// Where the link points, as written: a URL, `#anchor`, or another lesson
    /// such as `02-locks.md#anchor`.
    public var destination: String
    /// The line of the source the link is on (in a lesson, an included file's
    /// links are on its `include` block's line).
    public var line: Int
}
