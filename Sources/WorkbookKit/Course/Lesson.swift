/// One lesson of the book, read from `book/NN-slug.md`.
public struct Lesson: Sendable {
    /// Path relative to the workbook root, as printed in diagnostics (`book/02-locks.md`).
    public var path: String
    /// `02-locks`: the file name without extension; also the page name.
    public var slug: String
    /// The lesson's number, the first two digits of its file name, which orders the book.
    public var number: Int
    /// The lesson's title: the text of its first level-1 heading.
    public var title: String
    /// Every heading of the lesson, in order, each with an anchor unique within it.
    public var headings: [Heading]
    /// The lesson's top-level blocks, in reading order.
    public var blocks: [LessonBlock]
    /// The exercise's hints, gentlest first (the ordered list under `### Hints`).
    public var hints: [ListItem]
    /// Every link in the lesson, with the line it is on.
    public var links: [MarkdownLink]
    /// Files brought in by `include` blocks, relative to the workbook's root.
    public var includes: [String] = []

    /// The lesson's code blocks, in reading order (`output` blocks belong to
    /// the program before them).
    public var codeBlocks: [CodeBlock] {
        blocks.compactMap { if case .code(let block) = $0.content { block } else { nil } }
    }

    /// The names of the exercises this lesson contributes to.
    public var exerciseNames: [String] {
        var names: [String] = []
        for block in codeBlocks {
            if case .exercise(let name, _) = block.role, !names.contains(name) { names.append(name) }
        }
        return names
    }
}
