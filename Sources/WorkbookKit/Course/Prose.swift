/// Prose between headings and code: a paragraph, a list, a quote, a table
/// in raw HTML. Kept as Markdown; the book renders it.
public struct Prose: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case paragraph
        case list(ordered: Bool)
        /// Raw HTML as written (the book's tables).
        case html
        case other
    }

    public var kind: Kind
    public var markdown: String
    /// Its words, markup removed (empty for raw HTML).
    public var text: String
}
