/// The article of one lesson page: its blocks in reading order, with exercise
/// callouts placed and the hints moved behind a disclosure.
struct LessonPage {
    let lesson: Lesson
    let course: Course
    let edition: Edition
    let highlighter: HighlightCache

    func body() -> String {
        let exercises = course.exercises.filter { $0.lesson.path == lesson.path }
        let hintsAnchor = exercises.isEmpty || lesson.hints.isEmpty ? nil : hintsHeading()?.anchor
        var pending = exercises
        var html = ""
        let code = CodeBlockView(lesson: lesson, edition: edition, highlighter: highlighter)
        func emitCallout(_ exercise: Exercise) {
            pending.removeAll { $0.name == exercise.name }
            let isFirst = exercise.name == exercises.first?.name
            html += ExerciseCallout(
                exercise: exercise, edition: edition,
                hints: isFirst ? lesson.hints : [], hintsAnchor: isFirst ? hintsAnchor : nil
            ).html()
        }
        var hintsListSkipped = false
        for block in lesson.blocks {
            // The hints heading and its list live in the callout's disclosure instead.
            if let hintsAnchor, block.sectionAnchor == hintsAnchor {
                if case .heading(let heading) = block.content, heading.anchor == hintsAnchor { continue }
                if !hintsListSkipped, case .prose(let prose) = block.content, prose.kind == .list(ordered: true) {
                    hintsListSkipped = true
                    continue
                }
            }
            switch block.content {
            case .heading(let heading):
                html +=
                    Self.heading(
                        level: heading.level, anchor: heading.anchor,
                        inner: MarkdownParser.inlineHTML(heading.markdown, rewriteLink: PageShell.link)) + "\n"
                if heading.level <= 2, heading.text.lowercased().hasPrefix("exercise"),
                    let exercise = pending.first(where: { ($0.files.first?.blocks.first?.fenceLine ?? 0) > heading.line })
                {
                    emitCallout(exercise)
                }
            case .code(let block):
                if case .exercise(let name, _) = block.role, let exercise = pending.first(where: { $0.name == name }) {
                    emitCallout(exercise)
                }
                html += code.html(block)
            case .prose(let prose):
                html += MarkdownParser.html(prose.markdown, rewriteLink: PageShell.link)
            }
        }
        return html
    }

    /// A heading with its stable id and a "#" link (drawn by the stylesheet) to itself.
    static func heading(level: Int, anchor: String, inner: String) -> String {
        let id = HTML.escape(anchor)
        return "<h\(level) id=\"\(id)\"><a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section\"></a>\(inner)</h\(level)>"
    }

    private func hintsHeading() -> Heading? {
        lesson.headings.first { $0.text.trimmingCharacters(in: .whitespaces).lowercased() == "hints" }
    }
}
