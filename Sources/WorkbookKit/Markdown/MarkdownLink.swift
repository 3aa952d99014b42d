public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var line: Int
}
