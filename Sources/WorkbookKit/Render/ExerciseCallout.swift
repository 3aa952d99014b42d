/// The box that tells a student what to implement, where, and how to test it.
struct ExerciseCallout {
    let exercise: Exercise
    let edition: Edition
    /// The lesson's hints, shown behind a disclosure (only on the lesson's first exercise).
    let hints: [ListItem]
    /// The id of the `### Hints` heading the disclosure replaces, so links to it still land.
    let hintsAnchor: String?

    static func anchor(_ exercise: Exercise) -> String { "exercise-\(exercise.name)" }

    func html() -> String {
        let files = exercise.files.map { "<code>\(HTML.escape($0.name))</code>" }.joined(separator: ", ")
        let open = exercise.files.map { "<code>\(HTML.escape("\(exercise.exerciseDirectory)/\($0.name)"))</code>" }
        var html = """
            <aside class="callout exercise-callout" id="\(HTML.escape(Self.anchor(exercise)))" aria-label="Exercise \(HTML.escape(exercise.name))">
            <p class="callout-title"><span class="callout-kind">Exercise</span> <code>\(HTML.escape(exercise.name))</code></p>
            <p>Implement the parts marked <code>TODO</code> in \(files), shown below in this lesson.</p>
            <dl class="callout-facts">
            <dt>Open</dt><dd>\(open.joined(separator: "<br>"))</dd>
            <dt>Test</dt><dd><code class="command">swift run workbook test \(HTML.escape(exercise.name))</code></dd>

            """
        if edition == .instructor {
            let solutions = exercise.files.map { "<code>\(HTML.escape("\(exercise.solutionDirectory)/\($0.name)"))</code>" }
            html += "<dt>Reference</dt><dd>\(solutions.joined(separator: "<br>"))</dd>\n"
        }
        html += "</dl>\n"
        if !hints.isEmpty {
            let id = hintsAnchor.map { " id=\"\(HTML.escape($0))\"" } ?? ""
            html += "<details class=\"hints\"\(id)>\n<summary>Hints (\(hints.count), gentlest first)</summary>\n<ol>\n"
            html += hints.map { "<li>\(MarkdownParser.html($0.markdown, tight: true, rewriteLink: PageShell.link))</li>" }.joined(
                separator: "\n")
            html +=
                "\n</ol>\n<p class=\"hint-command\">In a terminal: <code class=\"command\">swift run workbook hint \(HTML.escape(exercise.name))</code></p>\n</details>\n"
        }
        return html + "</aside>\n"
    }
}
