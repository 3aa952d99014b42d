public struct CodeBlock: Sendable {
    public var role: BlockRole
    public var info: String
    public var code: String
    /// Line of the opening fence in the lesson; code starts on the next line.
    public var fenceLine: Int
    public var lessonPath: String
    /// For a program: the `output` block that follows it, if any.
    public var expectedOutput: OutputExpectation?

    public var firstCodeLine: Int { fenceLine + 1 }
}
