import Foundation
import Testing
@testable import WorkbookKit

@Suite struct RenderEditionTests {
    @Test("the student edition shows the stub, not the solution")
    func studentSeesStub() throws {
        let (_, book) = try RenderFixture.render(.student)
        let page = try RenderFixture.page("01-threads.html", in: book)
        #expect(page.contains("// TODO: your code here"))
        #expect(page.contains("_ = jobs"))
        #expect(!page.contains(#"group = <span class="hl-type">DispatchGroup</span>()"#))
        #expect(!page.contains("BEGIN SOLUTION"))
        #expect(page.contains("Exercises/Threads/Threads.swift"))
        #expect(!page.contains("Solutions/Threads/Threads.swift"))
    }

    @Test("the instructor edition shows the stub and the solution, labelled")
    func instructorSeesBoth() throws {
        let (_, book) = try RenderFixture.render(.instructor)
        let page = try RenderFixture.page("01-threads.html", in: book)
        #expect(page.contains("// TODO: your code here"))
        #expect(page.contains(#"group = <span class="hl-type">DispatchGroup</span>()"#))
        #expect(page.contains(#"<span class="label label-solution">Solutions/Threads/Threads.swift</span>"#))
        #expect(!page.contains("BEGIN SOLUTION") && !page.contains("// STUB"))
    }

    @Test("the exercise callout names the files, the test command and hides the hints")
    func exerciseCallout() throws {
        let (_, book) = try RenderFixture.render()
        let page = try RenderFixture.page("01-threads.html", in: book)
        #expect(page.components(separatedBy: #"class="callout exercise-callout""#).count == 2)
        #expect(page.contains("<code>Exercises/Threads/Threads.swift</code>"))
        #expect(page.contains("swift run workbook test threads"))
        #expect(page.contains(#"<details class="hints" id="hints">"#))
        #expect(page.contains("One <code>DispatchGroup</code> counts many threads."))
        // The hints appear once: in the disclosure, not again as a plain list.
        #expect(page.components(separatedBy: "One <code>DispatchGroup</code>").count == 2)
    }

    @Test("labels say what a block demonstrates; preludes are hidden")
    func blockLabels() throws {
        let (_, book) = try RenderFixture.render()
        let page = try RenderFixture.page("02-locks.html", in: book)
        #expect(page.contains(">does not compile</span>"))
        #expect(page.contains("is not concurrency-safe"))
        #expect(page.contains(">deadlocks on purpose</span>"))
        #expect(page.contains(">run with ThreadSanitizer</span>"))
        #expect(!page.contains("hiddenPreludeMarker"))
    }

    @Test("output blocks say how they are compared")
    func outputModes() throws {
        let (_, book) = try RenderFixture.render()
        let locks = try RenderFixture.page("02-locks.html", in: book)
        #expect(locks.contains("lines may appear in any order"))
        #expect(locks.contains(#"<span class="pattern" title="a line matching the pattern">/took [0-9]+ ms/</span>"#))
        #expect(locks.contains("a line matching the pattern"))
        #expect(locks.contains("(any lines)"))
        let threads = try RenderFixture.page("01-threads.html", in: book)
        #expect(threads.contains("each thread&#39;s lines keep their order; threads interleave"))
    }
}
