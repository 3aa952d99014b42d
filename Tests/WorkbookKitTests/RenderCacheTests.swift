import Foundation
import Testing
@testable import WorkbookKit

@Suite struct RenderCacheTests {
    @Test("a second render parses no Swift block and writes the same pages; an edited block alone is parsed again")
    func keepsHighlighting() throws {
        let course = try RenderFixture.course()
        let first = try BookRenderer(course: course, edition: .student).render(to: course.root.appending(path: "first"))
        #expect(first.highlighted.shown > 3)
        #expect(first.highlighted.afresh == first.highlighted.shown)

        let second = try BookRenderer(course: course, edition: .student).render(to: course.root.appending(path: "second"))
        #expect(second.highlighted.afresh == 0)
        #expect(second.highlighted.shown == first.highlighted.shown)
        for page in first.pages {
            #expect(try RenderFixture.page(page, in: first.directory) == RenderFixture.page(page, in: second.directory), "\(page) differs")
        }

        let lesson = course.root.appending(path: "book/02-locks.md")
        let text = try String(contentsOf: lesson, encoding: .utf8)
        try text.replacingOccurrences(of: "```swift hangs\n", with: "```swift hangs\n// edited\n")
            .write(to: lesson, atomically: true, encoding: .utf8)
        let (edited, _) = try Course.load(root: course.root)
        let third = try BookRenderer(course: edited, edition: .student).render(to: course.root.appending(path: "third"))
        #expect(third.highlighted.afresh == 1)
        #expect(try RenderFixture.page("02-locks.html", in: third.directory).contains("// edited"))
    }

    @Test("a cache written by another build of the tool, or damaged, is not trusted")
    func distrustsForeignCache() throws {
        let course = try RenderFixture.course()
        var renderer = BookRenderer(course: course, edition: .student)
        let cache = try #require(renderer.highlightCache)
        _ = try renderer.render(to: course.root.appending(path: "out"))
        // The same blocks, from another build, with other HTML.
        var stored = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: cache)) as? [String: Any])
        let blocks = try #require(stored["blocks"] as? [String: String])
        stored["tool"] = "another build"
        stored["blocks"] = blocks.mapValues { _ in "POISONED" }
        for foreign in [try JSONSerialization.data(withJSONObject: stored), Data("not json".utf8)] {
            try foreign.write(to: cache)
            let report = try renderer.render(to: course.root.appending(path: "out"))
            #expect(report.highlighted.afresh == report.highlighted.shown)
            for page in report.pages { #expect(try !RenderFixture.page(page, in: report.directory).contains("POISONED")) }
        }
        renderer.highlightCache = nil
        let uncached = try renderer.render(to: course.root.appending(path: "out"))
        #expect(uncached.highlighted.afresh == uncached.highlighted.shown)
    }
}
