import Testing
@testable import WorkbookKit

@Suite struct MarkdownParserTests {
    @Test("a fenced block keeps its whole info string, its text and the lines of its fences")
    func fencedCodeBlock() {
        let document = MarkdownParser.parse(
            """
            # Title

            Some prose.

            ```swift exit=3 compile-fail="a b"
            print("hi")
            ```
            """)
        #expect(document.blocks.count == 3)
        let code = document.blocks[2]
        #expect(code.kind == .code(info: #"swift exit=3 compile-fail="a b""#, literal: "print(\"hi\")\n"))
        #expect(code.startLine == 5)
        #expect(code.endLine == 7)
    }

    @Test("headings carry their level and plain text, inline code included")
    func headings() {
        let document = MarkdownParser.parse(
            """
            # Locks

            ## Why `Mutex`, *not* NSLock?
            """)
        #expect(
            document.blocks.map(\.kind) == [
                .heading(level: 1, text: "Locks"),
                .heading(level: 2, text: "Why Mutex, not NSLock?"),
            ])
        #expect(document.blocks.map(\.startLine) == [1, 3])
    }

    @Test("an ordered list gives each item's Markdown, HTML and line")
    func orderedList() throws {
        let document = MarkdownParser.parse(
            """
            Intro.

            1. Use the **lock**.
            2. Then `unlock`.
            """)
        guard case .list(let ordered, let items) = document.blocks.last?.kind else {
            Issue.record("no list in \(document.blocks)")
            return
        }
        #expect(ordered)
        #expect(items.map(\.markdown) == ["Use the **lock**.", "Then `unlock`."])
        #expect(items.map(\.line) == [3, 4])
        #expect(MarkdownParser.html(items[0].markdown, tight: true) == "Use the <strong>lock</strong>.")
    }

    @Test("links are recorded with their destination and line; HTML is made on request, with the book's link scheme")
    func linkRewriting() {
        let document = MarkdownParser.parse(
            """
            # Title

            See [locks](02-x.md#a) and [the web](https://example.com).
            """)
        #expect(
            document.links == [
                MarkdownLink(destination: "02-x.md#a", line: 3),
                MarkdownLink(destination: "https://example.com", line: 3),
            ])
        #expect(document.blocks[1].markdown == "See [locks](02-x.md#a) and [the web](https://example.com).")
        #expect(document.blocks[1].text == "See locks and the web.")
        let html = MarkdownParser.html(document.blocks[1].markdown, rewriteLink: PageShell.link)
        #expect(html.contains(#"href="02-x.html#a""#))
        #expect(!html.contains("02-x.md"))
        #expect(html.contains(#"href="https://example.com""#))
    }

    @Test("raw HTML is kept as an HTML block")
    func rawHTML() {
        let document = MarkdownParser.parse("<table><tr><td>x</td></tr></table>\n")
        #expect(document.blocks.map(\.kind) == [.html])
        #expect(document.blocks[0].markdown == "<table><tr><td>x</td></tr></table>")
        #expect(MarkdownParser.html(document.blocks[0].markdown).contains("<td>x</td>"))
    }

    @Test("an unclosed fence is not an error: the block runs to the end of the text")
    func unclosedFence() {
        let document = MarkdownParser.parse("```swift\nlet x = 1\n")
        #expect(document.blocks.map(\.kind) == [.code(info: "swift", literal: "let x = 1\n")])
    }

    @Test(
        "Course.pageLink rewrites only links to lessons",
        arguments: [
            ("02-x.md#a", "02-x.html#a"),
            ("02-locks.md", "02-locks.html"),
            ("10-a-b.md#lock-then-unlock", "10-a-b.html#lock-then-unlock"),
            ("AUTHORING.md", "AUTHORING.md"),
            ("https://example.com/02-x.md", "https://example.com/02-x.md"),
            ("#local", "#local"),
        ])
    func pageLink(destination: String, rewritten: String) {
        #expect(PageShell.link(destination) == rewritten)
    }
}
