/// One item of a Markdown list, such as one of a lesson's hints.
public struct ListItem: Sendable, Equatable {
    /// The item's content as CommonMark, for a terminal and for the book.
    public var markdown: String
    /// The line of the source the item starts on.
    public var line: Int
}
