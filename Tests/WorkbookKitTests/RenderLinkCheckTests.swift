import Foundation
import Testing
@testable import WorkbookKit

@Suite struct RenderLinkCheckTests {
    @Test("a freshly rendered book has no problems", arguments: Edition.allCases)
    func cleanBook(_ edition: Edition) throws {
        let (course, book) = try RenderFixture.render(edition)
        #expect(BookLinkCheck.problems(in: book, course: course) == [])
    }

    @Test("a link to a missing page is reported at the lesson line")
    func brokenPageLink() throws {
        let lesson = RenderFixture.locks + "\n\nSee [the missing lesson](07-missing.md).\n"
        let course = try RenderFixture.course(lessons: ["01-threads.md": RenderFixture.threads, "02-locks.md": lesson])
        let book = course.root.appending(path: "out")
        _ = try BookRenderer(course: course, edition: .student).render(to: book)
        let problems = BookLinkCheck.problems(in: book, course: course)
        let line = lesson.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("07-missing") }! + 1
        #expect(problems.count == 1)
        #expect(problems.first?.file == "book/02-locks.md")
        #expect(problems.first?.line == line)
        #expect(problems.first?.message.contains("07-missing.html") == true)
    }

    @Test("a link to a missing anchor is reported at the lesson line")
    func brokenAnchor() throws {
        let lesson = RenderFixture.locks + "\n\nSee [nothing](01-threads.md#no-such-section).\n"
        let course = try RenderFixture.course(lessons: ["01-threads.md": RenderFixture.threads, "02-locks.md": lesson])
        let book = course.root.appending(path: "out")
        _ = try BookRenderer(course: course, edition: .student).render(to: book)
        let problems = BookLinkCheck.problems(in: book, course: course)
        #expect(problems.count == 1)
        #expect(problems.first?.file == "book/02-locks.md")
        #expect(problems.first?.message.contains("no id `no-such-section`") == true)
    }

    @Test("a page edited after rendering: broken same-page anchor, Markdown leak and missing page")
    func plantedProblems() throws {
        let (course, book) = try RenderFixture.render()
        let url = book.appending(path: "01-threads.html")
        var html = try RenderFixture.page("01-threads.html", in: book)
        html = html.replacingOccurrences(of: "</article>", with: "<p><a href=\"#nowhere\">x</a></p>\n<div>\n## Not a heading\n</div>\n</article>")
        try Data(html.utf8).write(to: url)
        try FileManager.default.removeItem(at: book.appending(path: "02-locks.html"))
        let problems = BookLinkCheck.problems(in: book, course: course)
        let messages = problems.map(\.description)
        #expect(messages.contains { $0.contains("01-threads.html") && $0.contains("no id `nowhere`") })
        #expect(messages.contains { $0.contains("raw Markdown (a heading marker)") })
        #expect(messages.contains { $0.hasPrefix("book/02-locks.md: error:") && $0.contains("no page 02-locks.html") })
        // Links into the removed page are reported too.
        #expect(messages.contains { $0.contains("02-locks.html#lock-then-unlock-with-defer") })
    }

    @Test("Markdown left in raw HTML is caught", arguments: [
        ("```swift", true), ("## Heading", true), ("**bold** text", true), ("see [x](y.md)", true),
        ("plain text", false), ("C# is not Swift", false),
    ])
    func markdownLeaks(_ text: String, _ leaks: Bool) {
        #expect((BookLinkCheck.markdownLeak(in: text) != nil) == leaks)
    }
}
