import Foundation

/// A self-contained HTML page a student can open to see their grade: every
/// test with its verdict, what went wrong and where the lesson teaches it.
public enum FeedbackPage {
    /// The whole page for `result`, styles inline: the score, the notices,
    /// then each exercise with its tests.
    public static func html(_ result: SubmissionResult, course: Course) -> String {
        let exercises = result.exercises.map { exercise(section: $0, course: course) }.joined(separator: "\n")
        let ignored = result.notices.map { "<p class=\"note\">\(HTML.escape($0))</p>" }.joined(separator: "\n")
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Feedback: \(HTML.escape(result.submission))</title>
            <style>\(style)</style>
            </head>
            <body>
            <main>
            <h1>Feedback for \(HTML.escape(result.submission))</h1>
            <p class="score">\(TerminalReport.format(result.score)) / \(TerminalReport.format(result.maxScore)) points</p>
            \(ignored)
            \(exercises)
            <p class="note">Limits on the code under test: \(HTML.escape(result.sandbox.joined(separator: "; ")))</p>
            </main>
            </body>
            </html>

            """
    }

    private static func exercise(section result: ExerciseResult, course: Course) -> String {
        let rows = result.tests.map { test -> String in
            let mark = test.status == .passed ? "✓" : "✗"
            var detail = ""
            if test.status != .passed {
                detail += "<pre>\(HTML.escape(test.message))</pre>"
                if let section = test.section { detail += "<p class=\"read\">Read: \(HTML.escape(course.title(of: section)))</p>" }
            }
            return """
                <li class="\(test.status == .passed ? "pass" : test.status.isError ? "error" : "fail")">
                <span class="mark">\(mark)</span> \(HTML.escape(test.name)) <span class="status">\(HTML.escape(test.status.rawValue))</span>\(detail)</li>
                """
        }.joined(separator: "\n")
        let errors =
            result.compileErrors.isEmpty ? "" : "<pre class=\"compile\">\(HTML.escape(result.compileErrors.joined(separator: "\n")))</pre>"
        let notes = result.notes.map { "<p class=\"note\">\(HTML.escape($0))</p>" }.joined()
        return """
            <section>
            <h2>\(HTML.escape(result.exercise)) <span class="verdict \(result.verdict.rawValue.replacingOccurrences(of: " ", with: "-"))">\(HTML.escape(result.verdict.rawValue))</span></h2>
            <p>\(result.passedCount) of \(result.tests.count) tests passed · \(TerminalReport.format(result.points)) / \(TerminalReport.format(result.maxPoints)) points · from \(HTML.escape(result.lesson))</p>
            \(notes)\(errors)
            <ul>\(rows)</ul>
            </section>
            """
    }

    private static let style = """
        :root { color-scheme: light dark; --pass: #1a7f37; --fail: #cf222e; --error: #9a6700; }
        body { font: 16px/1.5 system-ui, sans-serif; margin: 0; padding: 1rem; }
        main { max-width: 52rem; margin: auto; }
        .score { font-size: 1.4rem; font-weight: 600; }
        section { border-top: 1px solid #8884; margin-top: 1.5rem; }
        ul { list-style: none; padding: 0; }
        li { margin: .4rem 0; }
        .pass .mark { color: var(--pass); } .fail .mark { color: var(--fail); } .error .mark { color: var(--error); }
        .status, .note { color: #888; font-size: .9rem; }
        .verdict { font-size: .9rem; padding: .1rem .5rem; border-radius: 1rem; border: 1px solid currentColor; }
        .verdict.passed { color: var(--pass); } .verdict.failed { color: var(--fail); } .verdict.error { color: var(--error); }
        pre { white-space: pre-wrap; background: #8881; padding: .5rem; border-radius: .3rem; font-size: .85rem; }
        @media (prefers-color-scheme: dark) { :root { --pass: #3fb950; --fail: #f85149; --error: #d29922; } }
        """
}
