import Foundation

/// Writes a course as a static HTML book that works opened straight from disk:
/// no server, no network, highlighting done at build time.
public struct BookRenderer {
    /// The course whose lessons become the book's pages.
    public var course: Course
    /// Which edition of the book is written.
    public var edition: Edition
    /// Shown in the sidebar, the index page and every page title.
    public var title: String
    /// Where the highlighted blocks are kept between renders (``HighlightCache``);
    /// `nil` highlights every block afresh.
    public var highlightCache: URL?

    /// A renderer of `edition`, titled `title`, that keeps its highlighting
    /// cache in `.build/workbook/`.
    public init(course: Course, edition: Edition, title: String = "Swift Threading Workbook") {
        self.course = course
        self.edition = edition
        self.title = title
        highlightCache = course.root.appending(path: ".build/workbook/highlighted-\(edition.rawValue).json")
    }

    /// Renders every page into `directory` (created if needed; other files in it are left alone).
    /// - Throws: a file-system error when a page or asset cannot be written.
    public func render(to directory: URL) throws -> RenderReport {
        let clock = ContinuousClock()
        let start = clock.now
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: directory, withIntermediateDirectories: true)

        let theme = BookTheme.load(from: course.root)
        var assets = try theme.write(to: directory)
        let shell = PageShell(course: course, edition: edition, title: title)

        var pages: [String] = []
        func write(_ html: String, _ name: String) throws {
            try Data(html.utf8).write(to: directory.appending(path: name), options: .atomic)
            pages.append(name)
        }
        try write(shell.page(IndexPage(course: course, edition: edition, title: title).body(), current: nil), "index.html")
        // Lessons are independent: their pages are built a core each.
        let highlighter = HighlightCache(file: highlightCache)
        let (course, edition) = (course, edition)
        let bodies = try runConcurrently(
            course.lessons.map { lesson in
                { @Sendable in LessonPage(lesson: lesson, course: course, edition: edition, highlighter: highlighter).body() }
            }, atMost: ProcessInfo.processInfo.activeProcessorCount)
        highlighter.save()
        for (position, (lesson, body)) in zip(course.lessons, bodies).enumerated() {
            try write(shell.page(body, current: position), PageShell.pageName(lesson))
        }
        try removeStalePages(in: directory, keeping: pages)
        let index = SearchIndex(course: course).javaScript()
        try Data(index.utf8).write(to: directory.appending(path: SearchIndex.fileName), options: .atomic)
        assets.append(SearchIndex.fileName)

        let counts = highlighter.counts
        return RenderReport(
            directory: directory, pages: pages, assets: assets, problems: theme.problems,
            duration: clock.now - start, highlighted: (counts.highlighted, counts.shown))
    }

    /// Pages of lessons that were renamed or removed would otherwise linger (and fail the link check).
    private func removeStalePages(in directory: URL, keeping pages: [String]) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        for name in names
        where name.hasSuffix(".html") && !pages.contains(name)
            && Course.isLessonFileName(String(name.dropLast(5)) + ".md")
        {
            try FileManager.default.removeItem(at: directory.appending(path: name))
        }
    }
}
