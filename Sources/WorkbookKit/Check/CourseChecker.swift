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
        report.swiftBlocks =
            course.lessons.flatMap(\.codeBlocks).filter { block in
                if case .other = block.role { false } else { true }
            }.count
        report.diagnostics += problems
        for check in checks(course) { check.run(on: course, into: &report) }
        return report
    }

    /// The checks the options ask for, cheapest first.
    private func checks(_ course: Course) -> [any CourseCheck] {
        let work = root.appending(path: ".build/workbook")
        var checks: [any CourseCheck] = [PackageExerciseList(root: course.root), GeneratedFilesCheck(), TeachesCheck()]
        if options.examples { checks.append(ExampleChecker(course: course, workDirectory: work, log: log)) }
        if options.suites {
            checks.append(SuiteCheck(course: course, runs: options.runs, exercises: options.exercises, seed: options.seed, log: log))
        }
        if options.book { checks += [LessonLinkCheck(), BookCheck(work: work)] as [any CourseCheck] }
        return checks
    }
}
