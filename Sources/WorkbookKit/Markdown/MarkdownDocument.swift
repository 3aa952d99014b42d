/// A Markdown document as plain Swift values: its top-level blocks in order.
///
/// Produced by ``MarkdownParser``; nothing downstream sees libcmark. The
/// model holds structure and Markdown, never HTML: the book's renderer asks
/// the parser for HTML when it writes a page, with its own link scheme.
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
        /// Raw HTML, kept as written.
        case html
        case other
    }

    public var kind: Kind
    /// First and last line of the block in the source, 1-based (fences included).
    public var startLine: Int
    public var endLine: Int
    /// The block as CommonMark, written back by cmark (reference links resolved).
    public var markdown: String
    /// Its words, markup removed: what a search finds (empty for raw HTML).
    public var text: String
}

public struct ListItem: Sendable, Equatable {
    /// The item's content as CommonMark, for a terminal and for the book.
    public var markdown: String
    public var line: Int
}

public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var line: Int
}
