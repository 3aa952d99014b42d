/// A fenced code block of a lesson: what it is for, its code, and where the lesson has it.
public struct CodeBlock: Sendable {
    /// What the block is for, read from its info string
    /// (``BlockRole/ignored(reason:)`` when the info string is invalid).
    public var role: BlockRole
    /// The info string after the opening fence, as written:
    /// `swift exercise=lock file=Lock.swift`.
    public var info: String
    /// The block's code as written, fences excluded.
    public var code: String
    /// Line of the opening fence in the lesson; code starts on the next line.
    public var fenceLine: Int
    /// The lesson the block is written in, as printed in diagnostics (`book/02-locks.md`).
    public var lessonPath: String
    /// For a program: the `output` block that follows it, if any.
    public var expectedOutput: OutputExpectation?

    /// The line of the lesson the code starts on, just below the opening fence.
    public var firstCodeLine: Int { fenceLine + 1 }
}
