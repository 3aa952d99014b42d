import Foundation

/// Every link a lesson makes lands somewhere real, and no Markdown sits
/// unread inside raw HTML: checked on the lessons themselves, so each
/// problem is reported at the line that has it.
struct LessonLinkCheck: CourseCheck {
    func run(on course: Course, into report: inout CourseChecker.Report) {
        for lesson in course.lessons {
            for link in lesson.links {
                if let problem = Self.problem(with: link.destination, in: lesson, course: course) {
                    report.diagnostics.append(Diagnostic(lesson.path, link.line, problem))
                }
            }
            for block in lesson.blocks {
                guard case .prose(let prose) = block.content, prose.kind == .html else { continue }
                for (offset, line) in prose.markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let text = line.trimmingCharacters(in: .whitespaces)
                    guard let what = Self.markdownLeak(in: text) else { continue }
                    report.diagnostics.append(
                        Diagnostic(
                            lesson.path, block.line + offset,
                            "Markdown (\(what)) inside raw HTML is shown as it is: `\(text.prefix(60))`; leave a blank line between the HTML and the Markdown"
                        ))
                }
            }
        }
    }

    /// What is wrong with a link of `lesson`, or `nil` when it resolves.
    static func problem(with destination: String, in lesson: Lesson, course: Course) -> String? {
        if isExternal(destination) { return nil }
        if destination.hasPrefix("#") {
            let anchor = String(destination.dropFirst())
            return lesson.headings.contains { $0.anchor == anchor }
                ? nil
                : "link to `\(destination)`: this lesson has no section `\(anchor)` (anchors come from heading text; see book/AUTHORING.md)"
        }
        if destination.wholeMatch(of: /[0-9]{2}-[a-z0-9-]+\.md(#.*)?/) != nil {
            let reference = SectionReference(destination)
            guard course.lesson(slug: reference.lesson) != nil else {
                return "link to `\(destination)`: there is no lesson book/\(reference.lesson).md"
            }
            return course.resolves(reference)
                ? nil
                : "link to `\(destination)`: book/\(reference.lesson).md has no section `\(reference.anchor ?? "")` (anchors come from heading text; see book/AUTHORING.md)"
        }
        let path = String(destination.prefix { $0 != "#" && $0 != "?" })
        let file = course.root.appending(path: "book").appending(path: path.removingPercentEncoding ?? path)
        return FileManager.default.fileExists(atPath: file.path)
            ? nil
            : "link to `\(destination)`: no file \(path) next to the lessons"
    }

    /// `https:`, `mailto:`, `//host`: not the book's business.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    /// What a line of Markdown looks like when it was not read as Markdown.
    static func markdownLeak(in text: String) -> String? {
        if text.hasPrefix("```") || text.hasPrefix("~~~") { return "a code fence" }
        if text.hasPrefix("#") { return "a heading marker" }
        if text.hasPrefix("**") { return "bold markers" }
        if text.contains(/\[[^\]]+\]\([^)\s]+\)/) { return "a link" }
        return nil
    }
}
