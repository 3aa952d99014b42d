import Foundation
import Testing
@testable import WorkbookKit

@Suite struct RenderPageTests {
    @Test("writes an index page and one page per lesson, plus the theme and search index")
    func writesEveryPage() throws {
        let course = try RenderFixture.course()
        let report = try BookRenderer(course: course, edition: .student).render(to: course.root.appending(path: "out"))
        #expect(report.pages == ["index.html", "01-threads.html", "02-locks.html"])
        #expect(Set(report.assets) == ["theme/book.css", "theme/book.js", "search-index.js"])
        #expect(report.problems.isEmpty)
        for asset in report.assets {
            #expect(FileManager.default.fileExists(atPath: report.directory.appending(path: asset).path))
        }
    }

    @Test("the index lists every lesson with its sections")
    func indexHasTableOfContents() throws {
        let (_, book) = try RenderFixture.render()
        let index = try RenderFixture.page("index.html", in: book)
        #expect(index.contains(#"<a class="toc-lesson" href="01-threads.html">"#))
        #expect(index.contains(#"<a href="01-threads.html#starting-a-thread">Starting a thread</a>"#))
        #expect(index.contains(#"<a href="02-locks.html#lock-then-unlock-with-defer">Lock, then unlock with defer</a>"#))
    }

    @Test("the sidebar lists every lesson and marks the current page")
    func sidebarMarksCurrentPage() throws {
        let (_, book) = try RenderFixture.render()
        let locks = try RenderFixture.page("02-locks.html", in: book)
        #expect(locks.contains(#"<li class="current"><a href="02-locks.html" aria-current="page">"#))
        #expect(locks.contains(#"<li><a href="01-threads.html">"#))
        #expect(locks.components(separatedBy: "aria-current=\"page\"").count == 2)
    }

    @Test("pages link to the previous and next page")
    func previousAndNextLinks() throws {
        let (_, book) = try RenderFixture.render()
        let threads = try RenderFixture.page("01-threads.html", in: book)
        #expect(threads.contains(#"rel="prev" href="index.html""#))
        #expect(threads.contains(#"rel="next" href="02-locks.html""#))
        let locks = try RenderFixture.page("02-locks.html", in: book)
        #expect(locks.contains(#"rel="prev" href="01-threads.html""#))
        #expect(!locks.contains(#"rel="next""#))
        let index = try RenderFixture.page("index.html", in: book)
        #expect(index.contains(#"rel="next" href="01-threads.html""#))
    }

    @Test("every heading has its stable anchor and a link to itself")
    func headingAnchors() throws {
        let (course, book) = try RenderFixture.render()
        for lesson in course.lessons {
            let page = try RenderFixture.page(PageShell.pageName(lesson), in: book)
            for heading in lesson.headings where heading.text != "Hints" {
                #expect(page.contains(##"<h\##(heading.level) id="\##(heading.anchor)"><a class="anchor" href="#\##(heading.anchor)""##))
            }
        }
    }

    @Test("lesson links point at the rendered pages; assets are relative (works from file://)")
    func linksAreRelative() throws {
        let (_, book) = try RenderFixture.render()
        let threads = try RenderFixture.page("01-threads.html", in: book)
        #expect(threads.contains(#"href="02-locks.html#lock-then-unlock-with-defer""#))
        #expect(threads.contains(#"<link rel="stylesheet" href="theme/book.css">"#))
        #expect(!threads.contains("http://") && !threads.contains("https://"))
    }

    @Test("the search index is a script that assigns a global, one entry per section")
    func searchIndex() throws {
        let (_, book) = try RenderFixture.render()
        let script = try RenderFixture.page("search-index.js", in: book)
        #expect(script.contains("window.BOOK_SEARCH_INDEX = ["))
        #expect(script.contains(#""href":"02-locks.html#lock-then-unlock-with-defer""#))
        #expect(script.contains(#""section":"Starting a thread""#))
    }

    @Test("every page has the search box and loads the search index")
    func searchBox() throws {
        let (_, book) = try RenderFixture.render()
        for name in ["index.html", "01-threads.html", "02-locks.html"] {
            let page = try RenderFixture.page(name, in: book)
            #expect(page.contains(#"<input type="search" id="search""#))
            #expect(page.contains(#"<script src="search-index.js"></script>"#))
        }
    }

    @Test("rendering again removes the page of a lesson that no longer exists")
    func removesStalePages() throws {
        let (course, book) = try RenderFixture.render()
        try Data("old".utf8).write(to: book.appending(path: "09-renamed.html"))
        try Data("keep".utf8).write(to: book.appending(path: "notes.html"))
        _ = try BookRenderer(course: course, edition: .student).render(to: book)
        #expect(!FileManager.default.fileExists(atPath: book.appending(path: "09-renamed.html").path))
        #expect(FileManager.default.fileExists(atPath: book.appending(path: "notes.html").path))
    }

    @Test("a missing theme is reported, not fatal")
    func missingThemeIsReported() throws {
        let course = try RenderFixture.course()
        try FileManager.default.removeItem(at: course.root.appending(path: "book/theme"))
        let report = try BookRenderer(course: course, edition: .student).render(to: course.root.appending(path: "out"))
        #expect(report.pages.count == 3)
        #expect(report.problems.map(\.file) == ["book/theme/book.css", "book/theme/book.js"])
    }
}
