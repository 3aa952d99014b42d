import Foundation

/// Renders both editions of the book and checks every page, link and anchor
/// in them.
struct BookCheck: CourseCheck {
    /// Where the editions are rendered for the check.
    let work: URL

    func run(on course: Course, into report: inout CourseChecker.Report) {
        for edition in Edition.allCases {
            let folder = work.appending(path: "book-\(edition.rawValue)")
            do {
                let rendered = try BookRenderer(course: course, edition: edition).render(to: folder)
                report.diagnostics += rendered.problems + BookLinkCheck.problems(in: folder, course: course)
            } catch {
                report.diagnostics.append(Diagnostic("book", nil, "cannot render the \(edition.rawValue) edition: \(error)"))
            }
        }
    }
}
