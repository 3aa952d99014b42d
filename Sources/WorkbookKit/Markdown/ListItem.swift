public struct ListItem: Sendable, Equatable {
    /// The item's content as CommonMark, for a terminal and for the book.
    public var markdown: String
    public var line: Int
}
