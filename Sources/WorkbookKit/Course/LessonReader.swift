import Foundation

/// Turns a lesson's Markdown into a ``Lesson``, collecting every problem.
struct LessonReader {
    let path: String
    let slug: String
    let number: Int
    /// The text of a file named by an `include` block (a path relative to the
    /// workbook's root), or `nil` when it cannot be read.
    var readInclude: (String) -> String? = { _ in nil }

    func read(_ text: String) -> (Lesson?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        let (markdownBlocks, links, includes) = expandingIncludes(MarkdownParser.parse(text), problems: &problems)
        var title: String?
        var headings: [Heading] = []
        var usedAnchors: [String: Int] = [:]
        var blocks: [LessonBlock] = []
        var hints: [ListItem] = []
        var underHintsHeading = false
        var section: String?

        for block in markdownBlocks {
            switch block.kind {
            case .heading(let level, let text):
                if level == 1 && title == nil { title = text }
                let heading = Heading(
                    level: level, text: text, markdown: block.markdown,
                    anchor: uniqueAnchor(text, &usedAnchors), line: block.startLine)
                headings.append(heading)
                section = heading.anchor
                underHintsHeading = text.trimmingCharacters(in: .whitespaces).lowercased() == "hints"
                blocks.append(LessonBlock(content: .heading(heading), line: block.startLine, sectionAnchor: section))
            case .code(let info, let literal):
                do {
                    let role = try BlockRole.parse(info: info, literal: literal)
                    if case .output(let mode, let lines) = role {
                        attachOutput(OutputExpectation(mode: mode, lines: lines), at: block.startLine, to: &blocks, &problems)
                        continue
                    }
                    let code = CodeBlock(role: role, info: info, code: literal, fenceLine: block.startLine, lessonPath: path)
                    if case .exercise = role { problems += SolutionRegions.problems(in: code) }
                    blocks.append(LessonBlock(content: .code(code), line: block.startLine, sectionAnchor: section))
                } catch {
                    problems.append(Diagnostic(path, block.startLine, error.description))
                    let code = CodeBlock(
                        role: .ignored(reason: "invalid info string"), info: info, code: literal, fenceLine: block.startLine,
                        lessonPath: path)
                    blocks.append(LessonBlock(content: .code(code), line: block.startLine, sectionAnchor: section))
                }
            case .list(let ordered, let items):
                if underHintsHeading && ordered && hints.isEmpty { hints = items }
                blocks.append(prose(block, .list(ordered: ordered), section))
            case .html:
                blocks.append(prose(block, .html, section))
            case .other:
                blocks.append(prose(block, block.markdown.hasPrefix(">") ? .other : .paragraph, section))
            }
        }
        guard let title else {
            problems.append(Diagnostic(path, nil, "lesson has no title: start it with a level-1 heading such as `# Locks`"))
            return (nil, problems)
        }
        let lesson = Lesson(
            path: path, slug: slug, number: number, title: title, headings: headings,
            blocks: blocks, hints: hints, links: links, includes: includes)
        return (lesson, problems)
    }

    private func prose(_ block: MarkdownBlock, _ kind: Prose.Kind, _ section: String?) -> LessonBlock {
        LessonBlock(
            content: .prose(Prose(kind: kind, markdown: block.markdown, text: block.text)),
            line: block.startLine, sectionAnchor: section)
    }

    private func uniqueAnchor(_ text: String, _ used: inout [String: Int]) -> String {
        let base = Heading.anchor(for: text)
        var count = used[base] ?? 0
        var anchor: String
        repeat {
            count += 1
            anchor = count == 1 ? base : "\(base)-\(count)"
        } while used[anchor] != nil && anchor != base
        used[base] = count
        if anchor != base { used[anchor] = max(used[anchor] ?? 0, 1) }
        return anchor
    }

    /// An output block belongs to the program just before it (only prose between).
    private func attachOutput(_ output: OutputExpectation, at line: Int, to blocks: inout [LessonBlock], _ problems: inout [Diagnostic]) {
        if let problem = output.patternProblem() {
            problems.append(Diagnostic(path, line, problem))
        }
        for index in blocks.indices.reversed() {
            switch blocks[index].content {
            case .prose:
                continue
            case .code(var code):
                guard case .program = code.role else {
                    problems.append(
                        Diagnostic(
                            path, line,
                            "`output` block follows a block that is not run (\(code.info)); put it right after a runnable `swift` example"))
                    return
                }
                guard code.expectedOutput == nil else {
                    problems.append(Diagnostic(path, line, "second `output` block for the example at line \(code.fenceLine)"))
                    return
                }
                code.expectedOutput = output
                blocks[index].content = .code(code)
                return
            case .heading:
                break
            }
            break
        }
        problems.append(
            Diagnostic(path, line, "`output` block has no example before it; put it right after the `swift` block whose output it shows"))
    }
}
