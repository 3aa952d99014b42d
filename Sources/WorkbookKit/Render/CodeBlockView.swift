/// One code block of a lesson as the book shows it: highlighted, labelled with
/// what it demonstrates, followed by its expected output.
struct CodeBlockView {
    let lesson: Lesson
    let edition: Edition
    let highlighter: HighlightCache

    func html(_ block: CodeBlock) -> String {
        switch block.role {
        case .prelude:
            return ""
        case .program(let run):
            var labels: [Label] = []
            if run.ending == .hang {
                labels.append(Label("deadlocks on purpose", kind: "hangs", detail: "stopped after \(seconds(run.timeout))"))
            }
            if case .exit(let status) = run.ending, status != 0 { labels.append(Label("exits with status \(status)", kind: "exit")) }
            if run.threadSanitizer {
                labels.append(Label("run with ThreadSanitizer", kind: "tsan", detail: "swift build -Xswiftc -sanitize=thread"))
            }
            return figure(
                kind: "program", labels: labels, code: swift(block.code), after: block.expectedOutput.map(OutputView.init)?.html() ?? "")
        case .compileFail(let diagnostic):
            let label = Label("does not compile", kind: "compile-fail")
            let expected = "<p class=\"expected-diagnostic\">The compiler says: <code>error: … \(HTML.escape(diagnostic)) …</code></p>\n"
            return figure(kind: "compile-fail", labels: [label], code: swift(block.code), after: expected)
        case .fragment, .ignored:
            return figure(kind: "fragment", labels: [], code: swift(block.code))
        case .exercise(let name, let file):
            return exercise(block, name: name, file: file)
        case .other(let language):
            let escaped =
                "<pre class=\"language-\(HTML.escape(language.isEmpty ? "text" : language))\"><code>\(HTML.escape(block.code))</code></pre>"
            return figure(kind: "other", labels: [], code: escaped, highlighted: false)
        case .output:
            return ""  // attached to its program by the lesson reader
        }
    }

    /// The student sees the stub; the instructor sees the stub and then the solution.
    private func exercise(_ block: CodeBlock, name: String, file: String) -> String {
        let folder = Exercise.folderName(name)
        let todo = SolutionRegions.todo(lessonPath: lesson.path, exercise: name)
        let stub = SolutionRegions.stub(of: block.code, todo: todo)
        let stubLabel = Label("Exercises/\(folder)/\(file)", kind: "file", detail: "your starting point")
        var html = figure(kind: "exercise stub", labels: [stubLabel], code: swift(stub))
        let solution = SolutionRegions.solution(of: block.code)
        if edition == .instructor && solution != stub {
            let solutionLabel = Label("Solutions/\(folder)/\(file)", kind: "solution", detail: "reference solution")
            html += figure(kind: "exercise solution", labels: [solutionLabel], code: swift(solution))
        }
        return html
    }

    /// Blank lines that join concatenated exercise blocks are not shown.
    private func swift(_ code: String) -> String {
        let shown = String(code.drop { $0 == "\n" }).trimmingTrailingNewlines()
        return "<pre class=\"language-swift\"><code>\(highlighter.html(shown))</code></pre>"
    }

    private func figure(kind: String, labels: [Label], code: String, after: String = "", highlighted: Bool = true) -> String {
        var html = "<figure class=\"code-block \(kind)\">\n"
        if !labels.isEmpty {
            html += "<figcaption>" + labels.map(\.html).joined(separator: " ") + "</figcaption>\n"
        }
        return html + code + "\n" + after + "</figure>\n"
    }

    private func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }
}

/// A badge above a code block.
private struct Label {
    var text: String
    var kind: String
    var detail: String?

    init(_ text: String, kind: String, detail: String? = nil) {
        self.text = text
        self.kind = kind
        self.detail = detail
    }

    var html: String {
        let detail = detail.map { " <span class=\"label-detail\">\(HTML.escape($0))</span>" } ?? ""
        return "<span class=\"label label-\(kind)\">\(HTML.escape(text))</span>\(detail)"
    }
}
