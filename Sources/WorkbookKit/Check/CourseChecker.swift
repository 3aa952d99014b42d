import Foundation

/// `workbook check`: every cross-check of the course, all problems collected.
public struct CourseChecker {
    public struct Options: Sendable {
        public var examples = true
        public var suites = true
        public var runs = 1
        public var book = true
        /// Exercises whose suites are checked (by name, any case); all when empty.
        public var exercises: [String] = []
        /// The shaken-schedule lane's seed for every grading; a fresh one each when nil.
        public var seed: UInt64?
        public init() {}
    }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var examples: ExampleChecker.Report?
        public var suites: SuiteCheckReport?
        public var lessons = 0
        public var swiftBlocks = 0
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    let root: URL
    let options: Options
    let log: @Sendable (String) -> Void

    public init(root: URL, options: Options = Options(), log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.root = root
        self.options = options
        self.log = log
    }

    public func check() throws(WorkbookError) -> Report {
        var report = Report()
        let (course, problems) = try Course.load(root: root)
        report.lessons = course.lessons.count
        report.swiftBlocks = course.lessons.flatMap(\.codeBlocks).filter { block in
            if case .other = block.role { false } else { true }
        }.count
        report.diagnostics += problems
        report.diagnostics += GeneratedFilesCheck.manifestProblems(course: course)
        report.diagnostics += GeneratedFilesCheck.problems(course: course, files: Tangler.files(for: course))
        report.diagnostics += TeachesCheck.problems(course: course)
        let work = root.appending(path: ".build/workbook")
        if options.examples {
            let examples = ExampleChecker(course: course, workDirectory: work, log: log).check()
            report.diagnostics += examples.diagnostics + examples.ignored
            report.examples = examples
        }
        if options.suites {
            let suites = SuiteCheck(course: course, runs: options.runs, exercises: options.exercises, seed: options.seed, log: log).check()
            report.diagnostics += suites.diagnostics
            report.suites = suites
        }
        if options.book {
            report.diagnostics += renderedBookProblems(course, work: work)
        }
        return report
    }

    /// Renders both editions and checks every page, link and anchor in them.
    private func renderedBookProblems(_ course: Course, work: URL) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for edition in Edition.allCases {
            let folder = work.appending(path: "book-\(edition.rawValue)")
            do {
                let report = try BookRenderer(course: course, edition: edition).render(to: folder)
                problems += report.problems + BookLinkCheck.problems(in: folder, course: course)
            } catch {
                problems.append(Diagnostic("book", 1, "cannot render the \(edition.rawValue) edition: \(error)"))
            }
        }
        return problems
    }
}
