import Foundation

/// `workbook check`: every cross-check of the course, all problems collected.
public struct CourseChecker {
    /// Which of the checks to run, and how.
    public struct Options: Sendable {
        /// Whether every Swift block of the book is compiled, and its programs run.
        public var examples = true
        /// Whether the graded suites are checked against the solutions,
        /// stubs, mutants and accepted designs.
        public var suites = true
        /// How many times the solutions, mutants and accepted designs are
        /// graded (for flaky suites).
        public var runs = 1
        /// Whether the lessons' links are checked and both editions of the
        /// book rendered and checked.
        public var book = true
        /// Exercises whose suites are checked (by name, any case); all when empty.
        public var exercises: [String] = []
        /// The shaken-schedule lane's seed for every grading; a fresh one each when nil.
        public var seed: UInt64?
        /// Every check of every exercise, each subject graded once, with a
        /// fresh seed for each grading.
        public init() {}
    }

    /// What the checks found, and the figures for the summary.
    public struct Report: Sendable {
        /// Every problem found: the course's own, then each check's in the
        /// order they ran (the notes on ignored blocks included).
        public var diagnostics: [Diagnostic] = []
        /// The figures of the examples check, when it ran.
        public var examples: ExampleChecker.Report?
        /// The figures of the suites check, when it ran.
        public var suites: SuiteCheckReport?
        /// How many lessons were read.
        public var lessons = 0
        /// How many code blocks of the book are Swift (every block but another language's).
        public var swiftBlocks = 0
        /// The diagnostics that are errors: any one fails the check.
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    let root: URL
    let options: Options
    let log: @Sendable (String) -> Void

    /// A checker of the workbook at `root` that runs what `options` ask for
    /// and reports its progress to `log`.
    public init(root: URL, options: Options = Options(), log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.root = root
        self.options = options
        self.log = log
    }

    /// Loads the course and runs every check the options ask for, cheapest
    /// first, collecting all the problems.
    ///
    /// - Throws: only when there is no book to check.
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
