/// A Markdown document as plain Swift values: its top-level blocks in order.
///
/// Produced by ``MarkdownParser``; nothing downstream sees libcmark. The
/// model holds structure and Markdown, never HTML: the book's renderer asks
/// the parser for HTML when it writes a page, with its own link scheme.
public struct MarkdownDocument: Sendable, Equatable {
    /// The document's top-level blocks, in order.
    public var blocks: [MarkdownBlock]
    /// Every link destination with the line it appears on.
    public var links: [MarkdownLink]
}
