/// One lesson of the book, read from `book/NN-slug.md`.
public struct Lesson: Sendable {
    /// Path relative to the workbook root, as printed in diagnostics (`book/02-locks.md`).
    public var path: String
    /// `02-locks`: the file name without extension; also the page name.
    public var slug: String
    public var number: Int
    public var title: String
    public var headings: [Heading]
    public var blocks: [LessonBlock]
    /// The exercise's hints, gentlest first (the ordered list under `### Hints`).
    public var hints: [ListItem]
    public var links: [MarkdownLink]
    /// Files brought in by `include` blocks, relative to the workbook's root.
    public var includes: [String] = []

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
