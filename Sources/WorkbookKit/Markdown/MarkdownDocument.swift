/// A Markdown document as plain Swift values: its top-level blocks in order.
///
/// Produced by ``MarkdownParser``; nothing downstream sees libcmark.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [MarkdownBlock]
    /// Every link destination with the line it appears on.
    public var links: [MarkdownLink]
}

public struct MarkdownBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case heading(level: Int, text: String)
        /// A fenced or indented code block. `info` is the whole info string.
        case code(info: String, literal: String)
        case list(ordered: Bool, items: [ListItem])
        case html
        case other
    }

    public var kind: Kind
    /// First and last line of the block in the source, 1-based (fences included).
    public var startLine: Int
    public var endLine: Int
    /// The block rendered to HTML by libcmark (raw HTML kept).
    public var html: String
}

public struct ListItem: Sendable, Equatable {
    /// The item's content as CommonMark text, for a terminal.
    public var markdown: String
    /// The item's content rendered to HTML.
    public var html: String
    public var line: Int
}

public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var line: Int
}
