import Foundation

/// What the sandbox costs: one test run, and one whole submission, each
/// timed with the machine's sandbox and without it, on the same warm build.
public struct SandboxBenchmark {
    /// The course whose reference solution is graded.
    public let course: Course
    /// The grading policy every timed grading uses.
    public let policy: GradingPolicy
    let log: @Sendable (String) -> Void

    /// A benchmark that grades `course`'s reference under `policy` and
    /// reports its progress to `log`.
    public init(course: Course, policy: GradingPolicy, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.course = course
        self.policy = policy
        self.log = log
    }

    /// Times `runs` test runs (one quick test each) and `submissions` gradings
    /// of the reference, sandboxed and not. - Returns: a table of medians.
    public func run(runs: Int = 20, submissions: Int = 3) throws -> String {
        let walled = Sandbox.machine, bare = try Sandbox.make(.none)
        var lines = ["sandbox: " + walled.protections.joined(separator: "; "), ""]
        lines.append(row("", "sandboxed", "unsandboxed", "overhead"))

        // One test run: the same single test of the lock suite, again and again.
        var perRun: [Double] = []
        for (index, sandbox) in [walled, bare].enumerated() {
            let grader = Grader(
                course: course, policy: policy, workspace: index == 0 ? "bench-sandboxed" : "bench-unsandboxed",
                sandbox: sandbox, log: log)
            let reference = Submission(name: "reference", folder: course.root, sources: grader.solutions, ignored: [])
            _ = try grader.grade(reference, only: ["lock"])  // builds and warms the workspace
            let id = try CourseTestList(grader: grader).tests(
                in: GradingWorkspace(
                    course: course, directory: grader.workDirectory, exercises: course.exercises.filter { $0.name == "lock" },
                    threadSanitizer: false), users: SandboxUsers.fresh())["lock"]?.first
            guard let id else {
                throw WorkbookError.commandFailed(command: "bench sandbox", status: nil, output: "the lock suite lists no test")
            }
            log("timing \(runs) test runs \(index == 0 ? "sandboxed" : "unsandboxed")")
            perRun.append(
                median(
                    (0..<runs).map { _ in
                        timed {
                            _ = SuiteRunner(
                                workspace: grader.workDirectory, binary: GradingWorkspace.binary, testIDs: [id],
                                perTestLimit: 20, sandbox: sandbox, user: SandboxUsers.fresh().runner(0)
                            ).run()
                        }
                    }))
        }
        lines.append(row("one test run (ms)", format(perRun[0] * 1000), format(perRun[1] * 1000), format((perRun[0] - perRun[1]) * 1000)))

        // One submission: the reference, every exercise, warm.
        var perSubmission: [Double] = []
        for (index, sandbox) in [walled, bare].enumerated() {
            let grader = Grader(
                course: course, policy: policy, workspace: index == 0 ? "bench-sandboxed" : "bench-unsandboxed",
                sandbox: sandbox, log: log)
            let reference = Submission(name: "reference", folder: course.root, sources: grader.solutions, ignored: [])
            _ = try grader.grade(reference)  // warm: every exercise and the ThreadSanitizer lane built
            log("timing \(submissions) gradings \(index == 0 ? "sandboxed" : "unsandboxed")")
            perSubmission.append(median(try (0..<submissions).map { _ in try timed { _ = try grader.grade(reference) } }))
        }
        lines.append(
            row(
                "one submission, warm (s)", format(perSubmission[0]), format(perSubmission[1]),
                format(perSubmission[0] - perSubmission[1])))
        lines.append("")
        lines.append(
            "medians of \(runs) test runs and \(submissions) gradings; a submission is every exercise of the reference, ThreadSanitizer lane included"
        )
        return lines.joined(separator: "\n")
    }

    private func row(_ name: String, _ a: String, _ b: String, _ c: String) -> String {
        name.padding(toLength: 28, withPad: " ", startingAt: 0) + [a, b, c].map { $0.leftPadded(to: 12) }.joined()
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    private func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

    private func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = Date()
        try body()
        return Date().timeIntervalSince(start)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
