/// The book's first page: its title and a table of contents of every lesson with its sections.
struct IndexPage {
    let course: Course
    let edition: Edition
    let title: String

    func body() -> String {
        var html = LessonPage.heading(level: 1, anchor: "top", inner: HTML.escape(title)) + "\n"
        let lessons = course.lessons.count == 1 ? "1 lesson" : "\(course.lessons.count) lessons"
        let exercises = course.exercises.count == 1 ? "1 exercise" : "\(course.exercises.count) exercises"
        html += "<p class=\"lead\">\(lessons) on threads in Swift 6 and \(exercises) you build and test on your own machine.</p>\n"
        if edition == .instructor {
            html += "<p class=\"edition-note\">Instructor edition: every exercise shows its stub and its reference solution.</p>\n"
        }
        html += LessonPage.heading(level: 2, anchor: "contents", inner: "Contents") + "\n"
        html += "<ol class=\"toc\">\n"
        for lesson in course.lessons {
            let page = HTML.escape(PageShell.pageName(lesson))
            html +=
                "<li><a class=\"toc-lesson\" href=\"\(page)\"><span class=\"number\">\(lesson.number).</span> \(HTML.escape(lesson.title))</a>"
            let sections = lesson.headings.filter { $0.level == 2 }
            if !sections.isEmpty {
                html += "\n<ol class=\"toc-sections\">\n"
                for section in sections {
                    html += "<li><a href=\"\(page)#\(HTML.escape(section.anchor))\">\(HTML.escape(section.text))</a></li>\n"
                }
                html += "</ol>\n"
            }
            html += "</li>\n"
        }
        return html + "</ol>"
    }
}
