import Foundation

/// Verifies a rendered book: every page exists and every link the renderer
/// made (contents, pager, exercise callouts, section marks) lands on a page
/// and an id. The links the lessons make are checked on the lessons, at
/// their lines (``LessonLinkCheck``); here they are skipped.
public struct BookLinkCheck {
    /// Every problem in the book at `directory`, located in the lesson where possible.
    public static func problems(in directory: URL, course: Course) -> [Diagnostic] {
        var checker = BookLinkCheck(directory: directory, course: course)
        return checker.run()
    }

    let directory: URL
    let course: Course
    private var pages: [String: HTMLPage] = [:]
    var found: [Diagnostic] = []

    private init(directory: URL, course: Course) {
        self.directory = directory
        self.course = course
    }

    private mutating func run() -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".html") {
            guard let data = FileManager.default.contents(atPath: directory.appending(path: name).path) else { continue }
            pages[name] = HTMLPage(name: name, html: String(decoding: data, as: UTF8.self))
        }
        if pages["index.html"] == nil {
            found.append(Diagnostic(displayPath("index.html"), nil, "the book has no index.html; run `swift run workbook build`"))
        }
        for lesson in course.lessons where pages[PageShell.pageName(lesson)] == nil {
            found.append(
                Diagnostic(
                    lesson.path, nil, "the book has no page \(PageShell.pageName(lesson)) for this lesson; run `swift run workbook build`"))
        }
        for page in pages.values.sorted(by: { $0.name < $1.name }) {
            let fromLesson = Set(lesson(of: page)?.links.map { PageShell.link($0.destination) } ?? [])
            for link in page.links where !fromLesson.contains(link.href) { checkLink(link, on: page) }
        }
        return found
    }

    private mutating func checkLink(_ link: HTMLPage.Link, on page: HTMLPage) {
        let href = link.href
        guard !href.isEmpty, !Self.isExternal(href) else { return }
        let hash = href.firstIndex(of: "#")
        var path = String(href[..<(hash ?? href.endIndex)])
        let fragment = hash.map { String(href[href.index(after: $0)...]) } ?? ""
        if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
        path = path.removingPercentEncoding ?? path
        if path.hasPrefix("./") { path.removeFirst(2) }
        let targetName = path.isEmpty ? page.name : path

        let target = pages[targetName]
        if target == nil && !FileManager.default.fileExists(atPath: directory.appending(path: targetName).path) {
            report("link to `\(href)` points at \(targetName), which the book does not have", link, on: page)
        } else if !fragment.isEmpty {
            let id = fragment.removingPercentEncoding ?? fragment
            if let target, !target.ids.contains(id) {
                report(
                    "link to `\(href)` points at a section that does not exist: \(targetName) has no id `\(id)` (anchors come from heading text; see book/AUTHORING.md)",
                    link, on: page)
            } else if target == nil {
                report("link to `\(href)` has an anchor, but \(targetName) is not a page of the book", link, on: page)
            }
        }
    }

    private static func isExternal(_ href: String) -> Bool { LessonLinkCheck.isExternal(href) }

    private mutating func report(_ message: String, _ link: HTMLPage.Link, on page: HTMLPage) {
        found.append(Diagnostic(displayPath(page.name), link.line, message))
    }

    private func lesson(of page: HTMLPage) -> Lesson? {
        course.lessons.first { PageShell.pageName($0) == page.name }
    }

    /// The page's path as a diagnostic prints it: relative to the course root when inside it.
    func displayPath(_ name: String) -> String {
        let root = course.root.standardizedFileURL.path + "/"
        let path = directory.standardizedFileURL.appending(path: name).path
        return path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    }
}
