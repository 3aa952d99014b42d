import Foundation

extension LessonReader {
    /// The attributes an `include` block takes.
    static let includeAttributes = ["file"]

    /// The lesson's top-level blocks, with every `include` block replaced by
    /// the blocks of the Markdown file it names.
    ///
    /// An include brings in prose, headings and tables that a command wrote
    /// (the benchmark figures), so that no figure is typed by hand. Included
    /// files hold no code blocks: every checked block stays in `book/`.
    func expandingIncludes(
        _ document: MarkdownDocument,
        problems: inout [Diagnostic]
    ) -> (blocks: [MarkdownBlock], links: [MarkdownLink], includes: [String]) {
        var blocks: [MarkdownBlock] = []
        var links = document.links
        var includes: [String] = []
        for block in document.blocks {
            guard case .code(let info, _) = block.kind, (try? InfoString(info))?.language == "include" else {
                blocks.append(block)
                continue
            }
            let file: String
            do {
                file = try Self.includedFile(info)
            } catch {
                problems.append(Diagnostic(path, block.startLine, error.description))
                continue
            }
            guard let text = readInclude(file) else {
                problems.append(
                    Diagnostic(path, block.startLine, "cannot read the included file \(file) (paths are relative to the workbook's root)"))
                continue
            }
            includes.append(file)
            let included = MarkdownParser.parse(text)
            for inner in included.blocks {
                if case .code = inner.kind {
                    problems.append(
                        Diagnostic(
                            file, inner.startLine,
                            "an included file cannot hold code blocks (it is included by \(path):\(block.startLine)); keep code in the lesson"
                        ))
                    continue
                }
                // Everything included sits at the include block's line of the lesson.
                var placed = inner
                (placed.startLine, placed.endLine) = (block.startLine, block.startLine)
                blocks.append(placed)
            }
            links += included.links.map { MarkdownLink(destination: $0.destination, line: block.startLine) }
        }
        return (blocks, links, includes)
    }

    /// The `file="…"` of an include block: a relative `.md` path inside the workbook.
    static func includedFile(_ info: String) throws(AttributeError) -> String {
        let attributes = try Attributes(try InfoString(info).attributes, known: includeAttributes)
        let file = try attributes.value("file", example: "include file=\"Benchmarks/results/costs.md\"")
        let parts = file.split(separator: "/")
        guard file.hasSuffix(".md"), !file.hasPrefix("/"), !parts.contains("..") else {
            throw .invalidValue("file", file, expected: "a .md file inside the workbook, relative to its root")
        }
        return file
    }
}
