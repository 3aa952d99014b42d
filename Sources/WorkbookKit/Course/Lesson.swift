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

public struct Heading: Sendable, Equatable {
    public var level: Int
    /// The heading's words, markup removed: `Mutex and friends`.
    public var text: String
    /// The heading as written: `## \`Mutex\` and friends`.
    public var markdown: String = ""
    /// Unique within the lesson: `lock-then-unlock-with-defer`, `-2` for repeats.
    public var anchor: String
    public var line: Int
}

/// A top-level block of a lesson, in reading order, with the heading it sits under.
public struct LessonBlock: Sendable {
    public enum Content: Sendable {
        case heading(Heading)
        case code(CodeBlock)
        case prose(Prose)
    }

    public var content: Content
    public var line: Int
    /// The anchor of the nearest heading above (the section it belongs to).
    public var sectionAnchor: String?
}

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

extension Heading {
    /// The anchor for a heading's text: lower case, alphanumerics kept, every
    /// other run of characters turned into one hyphen.
    public static func anchor(for text: String) -> String {
        var anchor = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !anchor.isEmpty { anchor.append("-") }
                anchor.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return anchor.isEmpty ? "section" : anchor
    }
}
