/// What every page shares: the head, the sidebar with search, previous/next links.
struct PageShell {
    let course: Course
    let edition: Edition
    let title: String

    static func pageName(_ lesson: Lesson) -> String { lesson.slug + ".html" }

    /// The book's link scheme: `02-locks.md#anchor` in a lesson becomes
    /// `02-locks.html#anchor` on its page; other links stay as written.
    static func link(_ destination: String) -> String {
        guard let match = destination.wholeMatch(of: /([0-9]{2}-[a-z0-9-]+)\.md(#.*)?/) else { return destination }
        return "\(match.1).html\(match.2 ?? "")"
    }

    /// A whole HTML document around `body`; `current` is the lesson's position, `nil` for the index.
    func page(_ body: String, current: Int?) -> String {
        let pageTitle = current.map { "\(course.lessons[$0].title) · \(title)" } ?? title
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(HTML.escape(pageTitle))</title>
            <link rel="stylesheet" href="\(BookTheme.folder)/book.css">
            </head>
            <body class="edition-\(edition.rawValue)">
            <input type="checkbox" id="nav-toggle" class="nav-toggle">
            <header class="top-bar">
            <label for="nav-toggle" class="nav-toggle-button" title="Show or hide the lessons">☰<span class="visually-hidden"> Lessons</span></label>
            <a class="top-title" href="index.html">\(HTML.escape(title))</a>
            </header>
            \(sidebar(current: current))
            <main class="page">
            <article class="content">
            \(body)
            </article>
            \(pager(current: current))
            </main>
            <script src="\(SearchIndex.fileName)"></script>
            <script src="\(BookTheme.folder)/book.js"></script>
            </body>
            </html>

            """
    }

    private func sidebar(current: Int?) -> String {
        var html = """
            <nav class="sidebar" aria-label="Lessons">
            <a class="book-title" href="index.html"\(current == nil ? " aria-current=\"page\"" : "")>\(HTML.escape(title))</a>
            \(edition == .instructor ? "<p class=\"edition-badge\">Instructor edition</p>\n" : "")\
            <div class="search" role="search">
            <input type="search" id="search" placeholder="Search the book" aria-label="Search the book" autocomplete="off">
            <ol id="search-results" class="search-results" hidden></ol>
            </div>
            <ol class="lesson-list">

            """
        for (position, lesson) in course.lessons.enumerated() {
            let isCurrent = position == current
            html +=
                "<li\(isCurrent ? " class=\"current\"" : "")><a href=\"\(HTML.escape(Self.pageName(lesson)))\"\(isCurrent ? " aria-current=\"page\"" : "")>"
            html += "<span class=\"number\">\(lesson.number).</span> \(HTML.escape(lesson.title))</a>"
            if isCurrent { html += sections(lesson) }
            html += "</li>\n"
        }
        return html + "</ol>\n</nav>"
    }

    private func sections(_ lesson: Lesson) -> String {
        let headings = lesson.headings.filter { $0.level == 2 }
        guard !headings.isEmpty else { return "" }
        let items = headings.map { "<li><a href=\"#\(HTML.escape($0.anchor))\">\(HTML.escape($0.text))</a></li>" }
        return "\n<ol class=\"section-list\">" + items.joined(separator: "\n") + "</ol>\n"
    }

    private func pager(current: Int?) -> String {
        let lessons = course.lessons
        var previous: (href: String, text: String)?
        var next: (href: String, text: String)?
        if let current {
            previous = current > 0 ? (Self.pageName(lessons[current - 1]), lessons[current - 1].title) : ("index.html", "Contents")
            if current + 1 < lessons.count { next = (Self.pageName(lessons[current + 1]), lessons[current + 1].title) }
        } else if let first = lessons.first {
            next = (Self.pageName(first), first.title)
        }
        var html = "<nav class=\"pager\" aria-label=\"Previous and next\">\n"
        if let previous {
            html +=
                "<a class=\"previous\" rel=\"prev\" href=\"\(HTML.escape(previous.href))\"><span class=\"direction\">← Previous</span> \(HTML.escape(previous.text))</a>\n"
        }
        if let next {
            html +=
                "<a class=\"next\" rel=\"next\" href=\"\(HTML.escape(next.href))\"><span class=\"direction\">Next →</span> \(HTML.escape(next.text))</a>\n"
        }
        return html + "</nav>"
    }
}
