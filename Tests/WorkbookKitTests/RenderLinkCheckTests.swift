import Foundation
import Testing
@testable import WorkbookKit

@Suite struct RenderLinkCheckTests {
    @Test("a freshly rendered book has no problems", arguments: Edition.allCases)
    func cleanBook(_ edition: Edition) throws {
        let (course, book) = try RenderFixture.render(edition)
        #expect(BookLinkCheck.problems(in: book, course: course) == [])
    }

    /// The lesson-link problems of a course whose second lesson ends with `extra`.
    static func lessonLinkProblems(_ extra: String) throws -> (problems: [Diagnostic], line: Int) {
        let lesson = RenderFixture.locks + "\n\n" + extra + "\n"
        let course = try RenderFixture.course(lessons: ["01-threads.md": RenderFixture.threads, "02-locks.md": lesson])
        var report = CourseChecker.Report()
        LessonLinkCheck().run(on: course, into: &report)
        let first = extra.split(separator: "\n").first.map(String.init) ?? extra
        let index = try #require(lesson.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == first })
        return (report.diagnostics, index + 1)
    }

    @Test(
        "a link to a missing lesson, section or file, or a same-page anchor, is reported at the lesson's line",
        arguments: [
            ("See [the missing lesson](07-missing.md).", "no lesson book/07-missing.md"),
            ("See [nothing](01-threads.md#no-such-section).", "has no section `no-such-section`"),
            ("See [here](#nowhere).", "this lesson has no section `nowhere`"),
            ("See [the file](pictures/none.png).", "no file pictures/none.png"),
        ])
    func brokenLessonLink(_ extra: String, _ phrase: String) throws {
        let (problems, line) = try Self.lessonLinkProblems(extra)
        #expect(problems.count == 1, "\(problems)")
        #expect(problems.first?.file == "book/02-locks.md")
        #expect(problems.first?.line == line)
        #expect(problems.first?.message.contains(phrase) == true, "\(problems)")
    }

    @Test("links to a lesson, a section, a same-page section and the web resolve")
    func goodLessonLinks() throws {
        let (problems, _) = try Self.lessonLinkProblems(
            "See [threads](01-threads.md), [a section](02-locks.md#lock-then-unlock-with-defer), [here](#locks) and [the web](https://swift.org)."
        )
        #expect(problems == [])
    }

    @Test("Markdown inside raw HTML is reported at its own line")
    func markdownInsideHTML() throws {
        let (problems, line) = try Self.lessonLinkProblems("<div>\n## Not a heading\n</div>")
        #expect(problems.map(\.line) == [line + 1], "\(problems)")
        #expect(problems.first?.message.contains("a heading marker") == true)
    }

    @Test("a page edited after rendering: the renderer's own links and pages are checked on the pages")
    func plantedProblems() throws {
        let (course, book) = try RenderFixture.render()
        let url = book.appending(path: "01-threads.html")
        var html = try RenderFixture.page("01-threads.html", in: book)
        html = html.replacingOccurrences(of: "</article>", with: "<p><a href=\"#nowhere\">x</a></p>\n</article>")
        try Data(html.utf8).write(to: url)
        try FileManager.default.removeItem(at: book.appending(path: "02-locks.html"))
        let messages = BookLinkCheck.problems(in: book, course: course).map(\.description)
        #expect(messages.contains { $0.contains("01-threads.html") && $0.contains("no id `nowhere`") })
        #expect(messages.contains { $0.hasPrefix("book/02-locks.md: error:") && $0.contains("no page 02-locks.html") })
        // The contents and the pager link to the removed page.
        #expect(messages.contains { $0.contains("points at 02-locks.html, which the book does not have") })
    }

    @Test(
        "Markdown left in raw HTML is caught",
        arguments: [
            ("```swift", true), ("## Heading", true), ("**bold** text", true), ("see [x](y.md)", true),
            ("plain text", false), ("C# is not Swift", false),
        ])
    func markdownLeaks(_ text: String, _ leaks: Bool) {
        #expect((LessonLinkCheck.markdownLeak(in: text) != nil) == leaks)
    }
}
