/// Prose between headings and code: a paragraph, a list, a quote, a table
/// in raw HTML. Kept as Markdown; the book renders it.
public struct Prose: Sendable, Equatable {
    /// Which form the prose takes: a paragraph, a list, raw HTML, or another
    /// block such as a quote.
    public enum Kind: Sendable, Equatable {
        case paragraph
        case list(ordered: Bool)
        /// Raw HTML as written (the book's tables).
        case html
        case other
    }

    /// Which form the prose takes.
    public var kind: Kind
    /// The prose as CommonMark, written back by cmark.
    public var markdown: String
    /// Its words, markup removed (empty for raw HTML).
    public var text: String
}
