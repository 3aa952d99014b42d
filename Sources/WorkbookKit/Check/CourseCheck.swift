/// One of `workbook check`'s cross-checks: it looks at the loaded course
/// and adds what it finds to the report (its problems, and its own figures
/// where it has any). ``CourseChecker`` runs the ones the options ask for,
/// in order, and collects every problem before it says anything.
protocol CourseCheck {
    func run(on course: Course, into report: inout CourseChecker.Report)
}

extension PackageExerciseList: CourseCheck {
    func run(on course: Course, into report: inout CourseChecker.Report) {
        report.diagnostics += problems(for: course)
    }
}

extension GeneratedFilesCheck: CourseCheck {
    func run(on course: Course, into report: inout CourseChecker.Report) {
        report.diagnostics += Self.problems(course: course, files: Tangler.files(for: course))
    }
}

extension TeachesCheck: CourseCheck {
    func run(on course: Course, into report: inout CourseChecker.Report) {
        report.diagnostics += Self.problems(course: course)
    }
}

extension ExampleChecker: CourseCheck {
    func run(on course: Course, into report: inout CourseChecker.Report) {
        let examples = check()
        report.diagnostics += examples.diagnostics + examples.ignored
        report.examples = examples
    }
}

extension SuiteCheck: CourseCheck {
    func run(on course: Course, into report: inout CourseChecker.Report) {
        let suites = check()
        report.diagnostics += suites.diagnostics
        report.suites = suites
    }
}
