import Foundation

extension BookLinkCheck {
    /// What unrendered Markdown looks like once it is page text.
    static func markdownLeak(in text: String) -> String? {
        if text.hasPrefix("```") || text.hasPrefix("~~~") { return "a code fence" }
        if text.hasPrefix("#") { return "a heading marker" }
        if text.hasPrefix("**") { return "bold markers" }
        if text.contains(/\[[^\]]+\]\([^)\s]+\)/) { return "a link" }
        return nil
    }
}

extension BookLinkCheck {
    /// Text like `## Steps` on a page means cmark did not read it as Markdown,
    /// usually because it sits inside a raw HTML block without a blank line.
    mutating func checkMarkdownLeaks(_ page: HTMLPage) {
        let lesson = course.lessons.first { PageShell.pageName($0) == page.name }
        let source = lesson.flatMap { sourceLines(of: $0) } ?? []
        for line in page.text {
            guard let what = Self.markdownLeak(in: line.text) else { continue }
            let message = "raw Markdown (\(what)) in the page: `\(line.text.prefix(60))`; inside raw HTML, leave a blank line before Markdown"
            if let lesson, let index = source.firstIndex(where: { $0.contains(line.text) }) {
                found.append(Diagnostic(lesson.path, index + 1, message))
            } else {
                found.append(Diagnostic(displayPath(page.name), line.line, message))
            }
        }
    }

    private func sourceLines(of lesson: Lesson) -> [String]? {
        guard let data = FileManager.default.contents(atPath: course.root.appending(path: lesson.path).path) else { return nil }
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}
