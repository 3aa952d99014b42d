import Foundation
import Testing
@testable import WorkbookKit

@Suite struct LessonReaderTests {
    static let locks = """
        # Locks

        Intro prose with a [link](02-more.md#a-b).

        ## Lock, then unlock with defer

        ```swift
        print("one")
        ```

        Between prose.

        ```output
        one
        ```

        ## Lock, then unlock with defer

        ```text
        not checked
        ```

        ### Hints

        Read these in order.

        1. Start with the **lock**.
        2. Then unlock.

        - not a hint
        """

    static let more = """
        # More

        ## A b
        """

    private func lesson(sourceLocation: SourceLocation = #_sourceLocation) throws -> Lesson {
        let (course, problems) = try loadCourse(["01-locks.md": Self.locks, "02-more.md": Self.more])
        #expect(problems == [], sourceLocation: sourceLocation)
        return try #require(course.lessons.first, sourceLocation: sourceLocation)
    }

    @Test("the first level-1 heading is the title; path, slug and number come from the file name")
    func titleAndName() throws {
        let lesson = try lesson()
        #expect(lesson.title == "Locks")
        #expect(lesson.path == "book/01-locks.md")
        #expect(lesson.slug == "01-locks")
        #expect(lesson.number == 1)
    }

    @Test("headings get stable anchors and a repeated heading gets -2")
    func headingAnchors() throws {
        let headings = try lesson().headings
        #expect(
            headings == [
                Heading(level: 1, text: "Locks", markdown: "# Locks", anchor: "locks", line: 1),
                Heading(
                    level: 2, text: "Lock, then unlock with defer", markdown: "## Lock, then unlock with defer",
                    anchor: "lock-then-unlock-with-defer", line: 5),
                Heading(
                    level: 2, text: "Lock, then unlock with defer", markdown: "## Lock, then unlock with defer",
                    anchor: "lock-then-unlock-with-defer-2", line: 17),
                Heading(level: 3, text: "Hints", markdown: "### Hints", anchor: "hints", line: 23),
            ])
    }

    @Test("code blocks keep their info string, code and fence line, and sit in their section")
    func codeBlocks() throws {
        let lesson = try lesson()
        let blocks = lesson.blocks.compactMap { block -> (CodeBlock, String?)? in
            if case .code(let code) = block.content { (code, block.sectionAnchor) } else { nil }
        }
        #expect(blocks.map(\.0.info) == ["swift", "text"])
        #expect(blocks.map(\.0.code) == ["print(\"one\")\n", "not checked\n"])
        #expect(blocks.map(\.0.fenceLine) == [7, 19])
        #expect(blocks.map(\.0.firstCodeLine) == [8, 20])
        #expect(blocks.map(\.1) == ["lock-then-unlock-with-defer", "lock-then-unlock-with-defer-2"])
        #expect(blocks[0].0.role == .program(RunExpectation()))
        #expect(blocks[1].0.role == .other(language: "text"))
    }

    @Test("an output block after a program (prose between) becomes its expected output")
    func outputAttached() throws {
        let program = try #require(try lesson().programBlocks.first)
        #expect(program.expectedOutput == OutputExpectation(mode: .exact, lines: ["one"]))
    }

    @Test("prose is kept, in reading order, as Markdown")
    func proseKept() throws {
        let prose = try lesson().blocks.compactMap { block -> String? in
            if case .prose(let prose) = block.content { prose.markdown } else { nil }
        }
        #expect(prose.count == 5)
        #expect(prose[0].contains("Intro prose"))
        #expect(prose[1].contains("Between prose."))
        #expect(prose[2].contains("Read these in order."))
        #expect(prose[3].hasPrefix("1.") && prose[3].contains("Start with the **lock**."))
        #expect(prose[4].contains("not a hint"))
    }

    @Test("hints are the ordered list under ### Hints, in order")
    func hints() throws {
        let hints = try lesson().hints
        #expect(hints.map(\.markdown) == ["Start with the **lock**.", "Then unlock."])
        #expect(hints.map(\.line) == [27, 28])
    }

    @Test("an ordered list outside ### Hints is not a hint")
    func listOutsideHints() throws {
        let (course, _) = try loadCourse(["01-a.md": "# A\n\n1. first\n2. second\n\n### Hints\n\n- unordered\n"])
        #expect(try #require(course.lessons.first).hints == [])
    }

    @Test("Lesson.links keeps each destination and line; prose keeps its Markdown and words, never HTML")
    func links() throws {
        let lesson = try lesson()
        #expect(lesson.links == [MarkdownLink(destination: "02-more.md#a-b", line: 3)])
        let prose = lesson.blocks.compactMap { block -> Prose? in if case .prose(let prose) = block.content { prose } else { nil } }
        #expect(prose.contains { $0.markdown.contains("(02-more.md#a-b)") && $0.kind == .paragraph })
        #expect(!prose.contains { $0.markdown.contains("<a href") })
    }

    @Test("lessons come in the order of their numbers; other files in book/ are not lessons")
    func lessonOrder() throws {
        let (course, problems) = try loadCourse([
            "10-last.md": "# Last\n",
            "02-second.md": "# Second\n",
            "01-first.md": "# First\n",
            "AUTHORING.md": "# Guide\n",
            "3-short.md": "# Not a lesson\n",
            "04-Upper.md": "# Not a lesson\n",
            "05-notes.txt": "# Not a lesson\n",
        ])
        #expect(problems == [])
        #expect(course.lessons.map(\.number) == [1, 2, 10])
        #expect(course.lessons.map(\.title) == ["First", "Second", "Last"])
        #expect(course.lesson(slug: "02-second")?.title == "Second")
    }
}

@Suite struct HeadingAnchorTests {
    @Test(
        "anchors: lower case, letters and digits kept, other runs become one hyphen",
        arguments: [
            ("Lock, then unlock with defer", "lock-then-unlock-with-defer"),
            ("Why `Mutex`?", "why-mutex"),
            ("  Leading and trailing!  ", "leading-and-trailing"),
            ("C++ & Swift: 2 ways", "c-swift-2-ways"),
            ("Step 1 -- step 2", "step-1-step-2"),
            ("ALL CAPS", "all-caps"),
            ("Déjà vu", "déjà-vu"),
            ("snake_case_name", "snake-case-name"),
            ("!!!", "section"),
        ])
    func anchor(text: String, anchor: String) {
        #expect(Heading.anchor(for: text) == anchor)
    }

    @Test("repeats get -2, -3 in order of appearance")
    func repeats() throws {
        let (course, _) = try loadCourse(["01-a.md": "# A\n\n## Try it\n\n## Try it!\n\n## try IT\n"])
        let anchors = try #require(course.lessons.first).headings.map(\.anchor)
        #expect(anchors == ["a", "try-it", "try-it-2", "try-it-3"])
    }

    @Test("anchors are unique within a lesson even when a heading's own text ends in a number")
    func uniqueWithNumberedHeading() throws {
        let (course, _) = try loadCourse(["01-a.md": "# A\n\n## Intro\n\n## Intro\n\n## Intro 2\n"])
        let anchors = try #require(course.lessons.first).headings.map(\.anchor)
        #expect(Set(anchors).count == anchors.count, "anchors: \(anchors)")
    }
}
