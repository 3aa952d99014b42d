/// A top-level block of a Markdown document, with the lines it spans in the source.
public struct MarkdownBlock: Sendable, Equatable {
    /// What sort of block it is: a heading, code, a list, raw HTML or anything else.
    public enum Kind: Sendable, Equatable {
        case heading(level: Int, text: String)
        /// A fenced or indented code block. `info` is the whole info string.
        case code(info: String, literal: String)
        case list(ordered: Bool, items: [ListItem])
        /// Raw HTML, kept as written.
        case html
        case other
    }

    /// What sort of block it is, with what that sort carries.
    public var kind: Kind
    /// First and last line of the block in the source, 1-based (fences included).
    public var startLine: Int
    /// The last line of the block in the source, 1-based (a closing fence included).
    public var endLine: Int
    /// The block as CommonMark, written back by cmark (reference links resolved).
    public var markdown: String
    /// Its words, markup removed: what a search finds (empty for raw HTML).
    public var text: String
}
