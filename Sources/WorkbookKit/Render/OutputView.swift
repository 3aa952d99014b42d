/// A program's expected output as terminal text, with how it is compared said in words.
struct OutputView {
    let expectation: OutputExpectation

    init(_ expectation: OutputExpectation) { self.expectation = expectation }

    func html() -> String {
        var notes: [String] = []
        switch expectation.mode {
        case .exact: break
        case .unordered: notes.append("lines may appear in any order")
        case .perThread: notes.append("each thread's lines keep their order; threads interleave")
        }
        var hasPattern = false
        let lines = expectation.lines.map { line -> String in
            switch ExpectedLine(line) {
            case .anyLines:
                return "<span class=\"any-lines\" title=\"any number of lines, including none\">(any lines)</span>"
            case .pattern(_, let source):
                hasPattern = true
                return "<span class=\"pattern\" title=\"a line matching the pattern\">\(HTML.escape(source))</span>"
            case .literal(let text), .invalid(let text):
                return HTML.escape(text)
            }
        }
        if hasPattern { notes.append("<span class=\"pattern\">/…/</span>: a line matching the pattern") }
        let mode = HTML.escape(expectation.mode.rawValue)
        var html = "<div class=\"output output-\(mode)\">\n<p class=\"output-header\"><span class=\"output-title\">Output</span>"
        for note in notes { html += " <span class=\"output-note\">\(note.hasPrefix("<") ? note : HTML.escape(note))</span>" }
        html += "</p>\n<pre class=\"terminal\"><code>" + lines.joined(separator: "\n") + "</code></pre>\n</div>\n"
        return html
    }
}
