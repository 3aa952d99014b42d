import Foundation

/// Grades many submissions, a few side by side (a grading mostly waits on
/// its tests), a new one starting as soon as one ends, and writes every
/// report in the order of the folders.
///
/// Whatever goes wrong with one submission costs that submission only: it
/// still gets a `results.json` (score 0 and what the grader could not do),
/// the batch goes on, and `gradebook.csv` is rewritten after every
/// submission's report, so it exists even if the batch is stopped.
public struct GradeBatch: Sendable {
    /// The grader every submission goes through.
    public let grader: Grader
    /// Where reports go: `<output>/<submission>/…` and `<output>/gradebook.csv`.
    public let output: URL
    /// The exercises to grade (all when `nil`).
    public let only: Set<String>?
    /// The report files written for each submission.
    public let formats: Set<ReportFormat>

    /// A batch that grades with `grader` the exercises in `only` (all when
    /// `nil`) and writes `formats` under `output`.
    public init(grader: Grader, output: URL, only: Set<String>? = nil, formats: Set<ReportFormat> = ReportFormat.standard) {
        self.grader = grader
        self.output = output
        self.only = only
        self.formats = formats
    }

    /// What the batch did.
    public struct Summary: Sendable {
        /// Every submission's result, in the order of the folders.
        public var results: [SubmissionResult] = []
        /// Each result's report folder name, in the same order.
        public var reportNames: [String] = []
        /// How many submissions the grader could not grade.
        public var graderErrors: Int { results.filter { $0.graderError != nil }.count }
    }

    /// Grades each folder; `progress` sees each result as it is made.
    public func run(_ folders: [URL], progress: (Int, URL, SubmissionResult) -> Void = { _, _, _ in }) throws -> Summary {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        var summary = Summary()
        var taken = Set<String>()
        let jobs = folders.map { folder in { @Sendable [self] in grade(folder.resolvingSymlinksInPath()) } }
        try runConcurrently(jobs, atMost: max(1, grader.jobs)) { index, result in
            try record(result, index: index, into: &summary, taken: &taken, progress: progress)
        }
        return summary
    }

    private func record(
        _ result: SubmissionResult, index: Int, into summary: inout Summary, taken: inout Set<String>,
        progress: (Int, URL, SubmissionResult) -> Void
    ) throws {
        let name = Self.uniqueName(result.submission, taken: &taken)
        let reports = output.appending(path: name)
        summary.results.append(result)
        summary.reportNames.append(name)
        do {
            try ReportFormat.write(result, formats: formats, course: grader.course, to: reports)
        } catch {
            summary.results[summary.results.count - 1].graderError = "the reports could not be written: \(error)"
        }
        try Gradebook(results: summary.results, names: summary.reportNames, exercises: grader.course.exercises.map(\.name)).csv()
            .write(to: output.appending(path: "gradebook.csv"), atomically: true, encoding: .utf8)
        progress(index, reports, summary.results[summary.results.count - 1])
    }

    private func grade(_ folder: URL) -> SubmissionResult {
        do {
            return try grader.grade(try Submission.load(folder, course: grader.course), only: only)
        } catch {
            return failed(folder, because: "\(error)")
        }
    }

    func failed(_ folder: URL, because reason: String) -> SubmissionResult {
        .graderFailed(
            folder.lastPathComponent, course: grader.course, policy: grader.policy, only: only,
            protections: grader.sandbox.protections, because: reason)
    }

    /// `name`, or `name-2`, `name-3`… when an earlier submission of the
    /// batch had the same folder name (`a/alice` and `b/alice`).
    static func uniqueName(_ name: String, taken: inout Set<String>) -> String {
        let base = name.isEmpty || name.hasPrefix(".") || name == "gradebook.csv" ? "submission" : name
        var candidate = base
        var number = 1
        while taken.contains(candidate) {
            number += 1
            candidate = "\(base)-\(number)"
        }
        taken.insert(candidate)
        return candidate
    }
}
