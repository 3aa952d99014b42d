import Foundation

/// Grades submissions against the course's suites, each exercise isolated:
/// a compile error costs that exercise, a crash or hang costs that test.
public struct Grader: Sendable {
    public let course: Course
    public let policy: GradingPolicy
    let workDirectory: URL
    /// How many suites may run at once.
    let jobs: Int
    let log: @Sendable (String) -> Void

    /// - Parameter workspace: the name of the reusable build folder under
    ///   `.build/workbook/` (separate names let gradings run side by side).
    /// - Parameter jobs: how many suites may run at once, each in its own process.
    public init(course: Course, policy: GradingPolicy, workspace: String = "grading",
                jobs: Int = Grader.defaultJobs,
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.course = course
        self.policy = policy
        self.workDirectory = course.root.appending(path: ".build/workbook/\(workspace)")
        self.jobs = max(1, jobs)
        self.log = log
    }

    /// Suites mostly wait (for threads, deadlines and child processes), so
    /// one more than the processors keeps them busy without crowding them.
    public static let defaultJobs = ProcessInfo.processInfo.activeProcessorCount + 1

    /// The pristine stub of every exercise, as submitted sources.
    public var stubs: [String: [String: String]] {
        sources { $0.stubText(exercise: $1) }
    }

    /// The reference solution of every exercise, as submitted sources.
    public var solutions: [String: [String: String]] {
        sources { $0.solutionText(exercise: $1) }
    }

    private func sources(_ text: (ExerciseFile, Exercise) -> String) -> [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: course.exercises.map { exercise in
            (exercise.name, Dictionary(uniqueKeysWithValues: exercise.files.map { ($0.name, text($0, exercise)) }))
        })
    }

    public func grade(_ submission: Submission, only names: Set<String>? = nil) throws -> SubmissionResult {
        let start = Date()
        let chosen = course.exercises.filter { names?.contains($0.name) ?? true }
        var sources = stubs
        // Missing or untouched exercises are graded (for feedback) but earn nothing.
        var notStarted = Set<String>()
        for exercise in chosen {
            if let files = submission.sources[exercise.name] { sources[exercise.name] = files }
            if sources[exercise.name] == stubs[exercise.name] { notStarted.insert(exercise.name) }
        }
        let workspace = GradingWorkspace(course: course, directory: workDirectory, exercises: chosen, threadSanitizer: false)
        let compileErrors = try buildReplacingBroken(workspace, sources: &sources)
        let sandbox = Sandbox.probe(for: workspace.binary)
        let listed = workspace.listAllTests()
        let ids = Dictionary(uniqueKeysWithValues: chosen.map { exercise in
            (exercise.name, listed.filter { $0.hasPrefix("\(exercise.testTarget).") })
        })

        // Each exercise's suite runs in its own process, so suites (and the
        // ThreadSanitizer lane, which has its own workspace) run side by side:
        // they spend most of their time waiting, not computing.
        let sanitized = chosen.filter { policy.threadSanitizer.contains($0.name) && compileErrors[$0.name] == nil }
        let normalJobs: [@Sendable () throws -> Lane] = chosen.enumerated().map { index, exercise in
            { [self] in
                Lane.timed(exercise.name, ids: ids[exercise.name] ?? []) { ids in
                    guard compileErrors[exercise.name] == nil else { return [:] }
                    log("grading \(submission.name): \(exercise.name)")
                    return SuiteRunner(binary: workspace.binary, testIDs: ids, perTestLimit: policy.secondsPerTest,
                                       sandbox: sandbox.user(slot: sanitized.count + index)).run()
                }
            }
        }
        let sanitizerJobs: [@Sendable () throws -> Lane] = sanitized.enumerated().map { index, exercise in
            { [self, sources] in
                try Lane.timed(exercise.name, ids: ids[exercise.name] ?? []) { ids in
                    try sanitizerLane(exercise, sources: sources, ids: ids, slot: index)
                }
            }
        }
        // The sanitizer lanes take longest (a build of their own), so they start first.
        let lanes = try runConcurrently(sanitizerJobs + normalJobs, atMost: jobs)
        let underSanitizer = Dictionary(uniqueKeysWithValues: lanes.prefix(sanitizerJobs.count).map { ($0.exercise, $0) })
        let normal = Dictionary(uniqueKeysWithValues: lanes.dropFirst(sanitizerJobs.count).map { ($0.exercise, $0) })

        var results: [ExerciseResult] = []
        for exercise in chosen {
            guard let lane = normal[exercise.name] else { continue }
            var ids = lane.ids
            var tests = lane.tests
            if let errors = compileErrors[exercise.name] {
                tests = Dictionary(uniqueKeysWithValues: ids.map { ($0, TestResult(id: $0, name: $0, status: .didNotCompile,
                    message: errors.prefix(3).joined(separator: "\n"), teaches: nil, seconds: 0)) })
            } else {
                ids = ids.filter { tests[$0] != nil }   // skipped helpers are not graded
                if let sanitizer = underSanitizer[exercise.name] { merge(sanitizer.tests, into: &tests) }
            }
            var graded = result(for: exercise, ids: ids, tests: tests, compileErrors: compileErrors[exercise.name] ?? [],
                                notStarted: notStarted.contains(exercise.name))
            graded.seconds = lane.seconds + (underSanitizer[exercise.name]?.seconds ?? 0)
            results.append(graded)
        }
        return SubmissionResult(submission: submission.name, exercises: results,
                                score: results.map(\.points).reduce(0, +), maxScore: results.map(\.maxPoints).reduce(0, +),
                                seconds: Date().timeIntervalSince(start), ignoredFiles: submission.ignored,
                                sandbox: sandbox.enforced)
    }

    /// Builds; every exercise whose code does not compile is replaced by its
    /// stub (which compiles) so the others can still be graded.
    private func buildReplacingBroken(_ workspace: GradingWorkspace, sources: inout [String: [String: String]]) throws -> [String: [String]] {
        var broken: [String: [String]] = [:]
        while true {
            try workspace.install(sources)
            log("building")
            guard let output = workspace.build() else { return broken }
            let failing = workspace.exercisesWithErrors(in: output).filter { broken[$0.key] == nil }
            guard !failing.isEmpty else {
                throw WorkbookError.commandFailed(command: "swift build --build-tests (grading workspace)", status: 1,
                                                  output: String(output.suffix(3000)))
            }
            for (name, errors) in failing {
                broken[name] = errors
                sources[name] = stubs[name]
            }
        }
    }

    /// One suite's verdicts, from one lane (normal or ThreadSanitizer).
    private struct Lane: Sendable {
        var exercise: String
        var ids: [String]
        var tests: [String: TestResult]
        var seconds: Double

        /// Runs one suite and notes how long it took.
        static func timed(_ exercise: String, ids: [String],
                          _ run: ([String]) throws -> [String: TestResult]) rethrows -> Lane {
            let start = Date()
            let tests = try run(ids)
            return Lane(exercise: exercise, ids: ids, tests: tests, seconds: Date().timeIntervalSince(start))
        }
    }

    /// Runs an exercise's suite again under ThreadSanitizer, in a workspace
    /// of its own. - Returns: the verdicts of that lane.
    private func sanitizerLane(_ exercise: Exercise, sources: [String: [String: String]], ids: [String],
                               slot: Int) throws -> [String: TestResult] {
        log("grading \(exercise.name) under ThreadSanitizer")
        let workspace = GradingWorkspace(course: course, directory: URL(filePath: workDirectory.path + "-tsan"),
                                         exercises: [exercise], threadSanitizer: true)
        var files = sources[exercise.name] ?? [:]
        // Synchronization.Mutex is invisible to ThreadSanitizer; swap in a
        // look-alike it can see (Tests/ThreadSanitizerLane/Mutex.swift).
        let shim = course.root.appending(path: "Tests/ThreadSanitizerLane/Mutex.swift")
        if files.values.contains(where: { $0.contains("Mutex") }), let text = try? String(contentsOf: shim, encoding: .utf8) {
            files["ThreadSanitizerLaneMutex.swift"] = text
        }
        try workspace.install([exercise.name: files])
        if workspace.build() != nil {
            files["ThreadSanitizerLaneMutex.swift"] = nil   // the student's code clashes with it: go without
            try workspace.install([exercise.name: files])
            if let output = workspace.build() {
                throw WorkbookError.commandFailed(command: "swift build --sanitize=thread (grading workspace)", status: 1,
                                                  output: String(output.suffix(3000)))
            }
        }
        let suppressions = course.root.appending(path: "Tests/tsan-suppressions.txt")
        var options = "halt_on_error=1 exitcode=66 report_signal_unsafe=0"
        if FileManager.default.fileExists(atPath: suppressions.path) { options += " suppressions=\(suppressions.path)" }
        return SuiteRunner(binary: workspace.binary, testIDs: ids, perTestLimit: policy.secondsPerTest * 3,
                           sandbox: Sandbox.probe(for: workspace.binary, threadSanitizer: true).user(slot: slot), environment: ["TSAN_OPTIONS": options],
                           sanitizerLane: true).run()
    }

    /// A test that passed normally but not under ThreadSanitizer takes the
    /// sanitizer's verdict: a reported race fails the test in which it happened.
    private func merge(_ lane: [String: TestResult], into tests: inout [String: TestResult]) {
        for (id, result) in lane where result.status != .passed && tests[id]?.status == .passed {
            var marked = result
            marked.message = "under ThreadSanitizer: " + result.message
            tests[id] = marked
        }
    }

    private func result(for exercise: Exercise, ids: [String], tests: [String: TestResult],
                        compileErrors: [String], notStarted: Bool) -> ExerciseResult {
        let points = policy.points(for: exercise.name, tests: ids)
        let sections = Teaching.sections(course: course, exercise: exercise)
        let ordered = ids.map { id -> TestResult in
            var result = tests[id] ?? TestResult(id: id, name: id, status: .notReported, message: "no result was reported for this test", teaches: nil, seconds: 0)
            result.teaches = sections[TestNames.function(of: id)]
            return result
        }
        let earned = notStarted ? 0 : ordered.filter { $0.status == .passed }.map { points[$0.id] ?? 0 }.reduce(0, +)
        let verdict: ExerciseResult.Verdict =
            ids.isEmpty || ordered.contains(where: \.status.isError) ? .error
            : ordered.allSatisfy { $0.status == .passed } ? .passed
            : notStarted ? .notStarted : .failed
        var notes: [String] = []
        if notStarted { notes.append("not started: the exercise is missing or still the pristine stub, so it earns no points") }
        if ids.isEmpty { notes.append("the suite reported no tests") }
        return ExerciseResult(exercise: exercise.name, lesson: exercise.lesson.path, tests: ordered,
                              points: earned, maxPoints: policy.maxPoints(for: exercise.name),
                              verdict: verdict, compileErrors: compileErrors, notes: notes, seconds: 0)
    }
}

/// Which lesson section each test of an exercise points at (`.teaches`).
enum Teaching {
    static func sections(course: Course, exercise: Exercise) -> [String: String] {
        let folder = course.root.appending(path: exercise.testDirectory)
        var sections: [String: String] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] where name.hasSuffix(".swift") {
            guard let source = try? String(contentsOf: folder.appending(path: name), encoding: .utf8) else { continue }
            var pending: String?
            for line in source.split(separator: "\n") {
                if let match = line.firstMatch(of: /\.teaches\("([^"]*)"\)/) { pending = String(match.1) }
                if let function = line.firstMatch(of: /func ([A-Za-z_][A-Za-z0-9_]*)\s*\(/), let section = pending {
                    sections[String(function.1)] = section
                    pending = nil
                }
            }
        }
        return sections
    }
}
