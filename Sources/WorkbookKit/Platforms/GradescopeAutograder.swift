import Foundation

/// What `run_autograder` does on Gradescope: find the student's exercises in
/// `<root>/submission`, grade them in the sandbox within a time budget, and
/// write `<root>/results/results.json`, always, even when the grader fails.
///
/// `root` is `/autograder` on Gradescope; the environment variable
/// `AUTOGRADER_ROOT` moves it (the whole flow then runs in any folder).
public struct GradescopeAutograder: Sendable {
    /// The course the submission is graded against.
    public let course: Course
    /// The autograder's folder: it reads `submission/` in it and writes
    /// `results/results.json`.
    public let root: URL
    /// Seconds one submission may take; Gradescope's own limit (10 minutes
    /// by default) gives the student 0 and no feedback, so this stays under it.
    public var budget: Double = 480

    /// The autograder's folder: `AUTOGRADER_ROOT` when it is set and not
    /// empty, else `/autograder`.
    public static func root(from environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        URL(filePath: environment["AUTOGRADER_ROOT"].flatMap { $0.isEmpty ? nil : $0 } ?? "/autograder")
    }

    /// An autograder for `course` that works in `root`.
    public init(course: Course, root: URL) {
        self.course = course
        self.root = root
    }

    /// Where the results go: `results/results.json` in the autograder's folder.
    public var resultsFile: URL { root.appending(path: "results/results.json") }

    /// Grades the submission and writes `results.json`; the result is also
    /// returned. Never throws: a failure of the grader is the report's.
    @discardableResult
    public func run(log: @escaping @Sendable (String) -> Void = { _ in }) -> SubmissionResult {
        let policy = (try? GradingPolicy.load(root: course.root)) ?? GradingPolicy()
        var result: SubmissionResult
        let staging = FileManager.default.temporaryDirectory.appending(path: "workbook-upload-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            let sandbox = try Sandbox.make(.required)
            var grader = Grader(course: course, policy: policy, sandbox: sandbox, log: log)
            grader.budget = budget
            let (folder, notes) = try SubmissionLayout.locate(in: root.appending(path: "submission"), course: course, staging: staging)
            var submission = try Submission.load(folder, course: course)
            submission.name = "submission"
            result = try grader.grade(submission)
            result.layoutNotes = notes.isEmpty ? nil : notes
        } catch {
            result = .graderFailed("submission", course: course, policy: policy, protections: [], because: "\(error)")
        }
        do {
            try write(result)
        } catch {
            let fallback = SubmissionResult.graderFailed(
                "submission", course: course, policy: policy, protections: [],
                because: "the report could not be written: \(error)")
            try? write(fallback)
        }
        return result
    }

    /// Where the self-test keeps the `results.json` of each of its gradings
    /// (`reference.json`, `stubs.json`, …): a record, in the image, of what
    /// the reference and the stubs scored when it was built.
    public var selfTestResults: URL { root.appending(path: "selftest-results") }

    private func keep(_ result: SubmissionResult, as name: String) throws {
        try FileManager.default.createDirectory(at: selfTestResults, withIntermediateDirectories: true)
        try GradescopeReport.json(result).write(to: selfTestResults.appending(path: "\(name).json"))
    }

    private func write(_ result: SubmissionResult) throws {
        try FileManager.default.createDirectory(at: resultsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try GradescopeReport.json(result).write(to: resultsFile)
    }

    /// The image's self-test: the reference must score full marks, and the
    /// stubs (as given, and with a comment added) nothing. Grading them also
    /// builds the grading workspaces once, before any student's turn.
    /// - Returns: what was graded, one line each.
    public func selfTest(reference: URL, log: @escaping @Sendable (String) -> Void = { _ in }) throws -> [String] {
        let policy = try GradingPolicy.load(root: course.root)
        let grader = Grader(course: course, policy: policy, sandbox: try Sandbox.make(.required), log: log)
        var lines: [String] = []
        var problems: [String] = []
        let solved = try grader.grade(try Submission.load(reference, course: course))
        try keep(solved, as: "reference")
        lines.append(
            "reference: \(Gradebook.format(solved.score)) / \(Gradebook.format(solved.maxScore)) (\(String(format: "%.1f", solved.seconds)) s)"
        )
        if solved.score != solved.maxScore { problems.append("the reference scores \(solved.score) of \(solved.maxScore)") }
        let stubs = grader.stubs
        for (label, sources) in [
            ("stubs", stubs), ("stubs with a comment added", stubs.mapValues { $0.mapValues { $0 + "\n// started\n" } }),
        ] {
            let graded = try grader.grade(Submission(name: label, folder: course.root, sources: sources, ignored: []))
            try keep(graded, as: label.replacingOccurrences(of: " ", with: "-"))
            lines.append(
                "\(label): \(Gradebook.format(graded.score)) / \(Gradebook.format(graded.maxScore)) (\(String(format: "%.1f", graded.seconds)) s)"
            )
            if graded.score != 0 { problems.append("the \(label) score \(graded.score)") }
        }
        guard problems.isEmpty else {
            throw WorkbookError.usage(
                "the autograder's self-test failed: " + problems.joined(separator: "; ") + "\n" + lines.joined(separator: "\n"))
        }
        return lines
    }
}
