import Testing
@testable import WorkbookKit

@Suite struct RenderHighlightTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var code: String
        var expected: [String]
        var testDescription: String { code }
    }

    static let cases: [Case] = [
        Case(
            code: "func load() async throws -> Int { try await fetch() }",
            expected: [
                #"<span class="hl-keyword">async</span>"#, #"<span class="hl-keyword">await</span>"#,
                #"<span class="hl-keyword">throws</span>"#, #"<span class="hl-type">Int</span>"#,
            ]),
        Case(
            code: "actor Counter { nonisolated func name() -> String { \"c\" } }",
            expected: [
                #"<span class="hl-keyword">actor</span>"#, #"<span class="hl-keyword">nonisolated</span>"#,
                #"<span class="hl-string">&quot;c&quot;</span>"#,
            ]),
        Case(
            code: "func give(_ value: sending Box) {}",
            expected: [#"<span class="hl-keyword">sending</span>"#]),
        Case(
            code: "struct Token: ~Copyable { let id = 42 }",
            expected: [#"~</span><span class="hl-type">Copyable</span>"#, #"<span class="hl-number">42</span>"#]),
        Case(
            code: "#expect(count == 2)\nlet file = #file",
            expected: [#"<span class="hl-macro">#expect</span>"#, #"<span class="hl-macro">#file</span>"#]),
        Case(
            code: ##"let s = #"say "hi""#"##,
            expected: [#"<span class="hl-string">#&quot;say &quot;hi&quot;&quot;#</span>"#]),
        Case(
            code: "@MainActor final class Model: @unchecked Sendable {}",
            expected: [#"<span class="hl-attribute">@MainActor</span>"#, #"<span class="hl-attribute">@unchecked</span>"#]),
        Case(
            code: "// a comment\n/// docs\nlet x = 1 /* block */",
            expected: [
                #"<span class="hl-comment">// a comment</span>"#, #"<span class="hl-doc">/// docs</span>"#,
                #"<span class="hl-comment">/* block */</span>"#,
            ]),
        Case(
            code: "let lock = NSLock()",
            expected: [#"<span class="hl-type">NSLock</span>()"#]),
        Case(
            code: "#if DEBUG\nprint(x)\n#endif",
            expected: [#"<span class="hl-directive">#if"#, #"<span class="hl-directive">#endif</span>"#]),
    ]

    @Test("highlights Swift 6 constructs", arguments: cases)
    func highlights(_ example: Case) {
        let html = SwiftHighlighter.html(example.code)
        for span in example.expected {
            #expect(html.contains(span), "expected \(span) in \(html)")
        }
    }

    @Test("the highlighted text is exactly the escaped source", arguments: cases)
    func keepsTheSource(_ example: Case) {
        let html = SwiftHighlighter.html(example.code)
        #expect(HTML.text(html) == example.code)
    }

    @Test("escapes markup in code, strings and comments")
    func escapes() {
        let html = SwiftHighlighter.html(#"let tag = "<b>&</b>" // <i>"#)
        #expect(!html.contains("<b>") && !html.contains("<i>"))
        #expect(html.contains("&lt;b&gt;&amp;&lt;/b&gt;"))
    }

    @Test("invalid Swift still renders all of its text")
    func invalidSwift() {
        let code = "func (( { let = }"
        #expect(HTML.text(SwiftHighlighter.html(code)) == code)
    }
}
