import Foundation

/// Grades submissions against the course's suites, each exercise isolated:
/// a compile error or a forbidden construct costs that exercise, a crash or
/// hang costs that test. Everything that compiles or runs student code does
/// so inside the ``Sandbox``.
public struct Grader: Sendable {
    /// The course whose exercises are graded.
    public let course: Course
    /// What each exercise and test is worth, and which exercises run in which lanes.
    public let policy: GradingPolicy
    /// The walls around everything that compiles or runs student code.
    public let sandbox: Sandbox
    let workDirectory: URL
    /// How many suites may run at once.
    let jobs: Int
    let log: @Sendable (String) -> Void
    /// How long one submission may take to grade; the tests still without a
    /// verdict when it runs out are `not run` (and earn nothing).
    public var budget: Double?
    /// For code known to be wrong (the check's mutants): each suite stops at
    /// its first failed test, and the ThreadSanitizer lane runs only where
    /// the normal lane found nothing. The verdict, failed or not, is the
    /// same as a full grading's; only the feedback is shorter.
    public var stopAtFirstFailure = false
    /// The seed of the shaken-schedule lane (``ShakenSchedule``); a fresh
    /// one for every grading when nil.
    public var seed: UInt64?

    /// - Parameter workspace: the name of the reusable build folder under
    ///   `.build/workbook/` (separate names let gradings run side by side).
    /// - Parameter jobs: how many suites may run at once, each in its own process.
    /// - Parameter sandbox: the walls around student code; by default what
    ///   this machine allows (the `grade` command insists on all of them).
    public init(
        course: Course, policy: GradingPolicy, workspace: String = "grading",
        jobs: Int = Grader.defaultJobs, sandbox: Sandbox = Sandbox.machine,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.course = course
        self.policy = policy
        self.sandbox = sandbox
        self.workDirectory = course.root.appending(path: ".build/workbook/\(workspace)")
        self.jobs = max(1, jobs)
        self.log = log
    }

    /// Suites mostly wait (for threads, deadlines and child processes), so
    /// one more than the processors keeps them busy without crowding them.
    public static let defaultJobs = ProcessInfo.processInfo.activeProcessorCount + 1

    /// The pristine stub of every exercise, as submitted sources.
    public var stubs: [String: [String: String]] { stubs(of: course.exercises) }

    private func stubs(of exercises: [Exercise]) -> [String: [String: String]] {
        sources(of: exercises) { $0.stubText(exercise: $1) }
    }

    /// The reference solution of every exercise, as submitted sources.
    public var solutions: [String: [String: String]] {
        sources(of: course.exercises) { $0.solutionText(exercise: $1) }
    }

    private func sources(of exercises: [Exercise], _ text: (ExerciseFile, Exercise) -> String) -> [String: [String: String]] {
        Dictionary(
            uniqueKeysWithValues: exercises.map { exercise in
                (exercise.name, Dictionary(uniqueKeysWithValues: exercise.files.map { ($0.name, text($0, exercise)) }))
            })
    }

    /// Grades the exercises of `submission` named in `names` (all when
    /// `nil`); a missing or untouched exercise is graded for feedback but
    /// earns nothing.
    public func grade(_ submission: Submission, only names: Set<String>? = nil) throws -> SubmissionResult {
        let start = Date()
        let deadline = budget.map { start.addingTimeInterval($0) }
        let chosen = course.exercises.filter { names?.contains($0.name) ?? true }
        let users = SandboxUsers.fresh()
        let stubs = stubs(of: chosen)
        let engine = SuiteEngine(grader: self, threadSanitizer: false)
        let base = try engine.prepare(users: users)
        let graded = base.tests

        // Missing or untouched exercises are graded (for feedback) but earn nothing.
        var sources = stubs
        var notStarted = Set<String>()
        var refused: [String: [String]] = [:]
        for exercise in chosen {
            if let files = submission.sources[exercise.name] { sources[exercise.name] = files }
            if exercise.isUntouched(sources[exercise.name] ?? [:]) { notStarted.insert(exercise.name); continue }
            let findings = SourceInspection.findings(in: sources[exercise.name] ?? [:])
            if !findings.isEmpty {
                refused[exercise.name] = findings.map(\.description)
                sources[exercise.name] = stubs[exercise.name]
            }
        }

        // Each started exercise is compiled alone and swapped into the suites
        // built once; one that cannot be swapped is built into the suites.
        // Like a shaken schedule, ThreadSanitizer could only reword the
        // failures of an exercise that earns nothing: only started ones meet it.
        let sanitizedNames = Set(chosen.map(\.name).filter { policy.threadSanitizer.contains($0) && !notStarted.contains($0) })
        let sanitizerEngine = SuiteEngine(grader: self, threadSanitizer: true)
        let sanitizerBase = sanitizedNames.isEmpty ? nil : try sanitizerEngine.prepare(users: users)
        let started = chosen.filter { !notStarted.contains($0.name) && refused[$0.name] == nil }
        // Code known to be wrong meets ThreadSanitizer only where the normal
        // lane saw nothing: its sanitized subjects are compiled then, if at all.
        let compiled = try compileAlone(
            started, sources: sources, engine: engine, base: base,
            sanitizerEngine: sanitizerEngine, sanitizerBase: sanitizerBase,
            sanitized: stopAtFirstFailure ? [] : sanitizedNames, users: users)
        let lateSanitized = Shared([String: SuiteEngine.Subject]())
        defer {
            for subject in compiled.values { subject.normal.discard(); subject.sanitized?.discard() }
            for subject in lateSanitized.value.values { subject.discard() }
        }
        let swapped = Set(compiled.filter { $0.value.normal.outcome == .swappable }.keys)
        // The workspaces that build suites around a subject are shared:
        // one grading at a time uses them.
        let sanitizedAround =
            !stopAtFirstFailure && sanitizedNames.contains { compiled[$0] != nil && compiled[$0]?.sanitized?.outcome != .swappable }
        let usesSharedWorkspaces = swapped.count < compiled.count || sanitizedAround
        if usesSharedWorkspaces { Self.sharedWorkspaces.lock() }
        defer { if usesSharedWorkspaces { Self.sharedWorkspaces.unlock() } }
        let around = Set(started.map(\.name)).subtracting(swapped)
        var compileErrors: [String: [String]] = [:]
        if !around.isEmpty {
            for name in around.sorted() {
                log("grading \(name) by building the suites around it: \(compiled[name]?.normal.outcome ?? .swappable)")
            }
            // The package holds every exercise: the others as stubs.
            let allStubs = self.stubs
            var aroundSources = allStubs.merging(sources) { $1 }
            for name in swapped { aroundSources[name] = allStubs[name] }
            let workspace = GradingWorkspace(course: course, directory: workDirectory, exercises: chosen, threadSanitizer: false)
            var builder = WorkspaceBuilder(grader: self, workspace: workspace, users: users, stubs: allStubs)
            compileErrors = try builder.build(&aroundSources, refused: &refused, studentExercises: around)
            for name in around { sources[name] = aroundSources[name] }
        }

        // Each exercise's suite runs in its own process, so suites (and the
        // ThreadSanitizer lanes) run side by side: they spend most of their
        // time waiting, not computing.
        let runnable = chosen.filter { compileErrors[$0.name] == nil && refused[$0.name] == nil }
        let sanitized = runnable.filter { sanitizedNames.contains($0.name) }
        // Not-started exercises earn nothing, so a shaken schedule could
        // only reword their failures: not worth the time.
        let shaken = runnable.filter { policy.shakenSchedule.contains($0.name) && !notStarted.contains($0.name) }
        let schedule = seed.map(ShakenSchedule.init(seed:)) ?? .random()
        let preload = ShakenSchedule.Preload(library: engine.workspace.scheduleShaker, schedule: schedule)
        // The normal and shaken-schedule lanes run the same binary: the
        // engine with the subject swapped in, or the suites built around it.
        let plainLane: @Sendable (Exercise, Int, ShakenSchedule.Preload?) -> Lane = { [self, notStarted] exercise, slot, shaker in
            let inEngine = !around.contains(exercise.name)
            let started = !notStarted.contains(exercise.name)
            return Lane.timed(exercise.name, shaker == nil ? nil : .shakenSchedule) {
                log(
                    shaker == nil
                        ? "grading \(submission.name): \(exercise.name)"
                        : "grading \(exercise.name) with a shaken schedule (seed \(schedule.seed))")
                var runner = SuiteRunner(
                    workspace: inEngine ? engine.workspace.directory : workDirectory,
                    binary: GradingWorkspace.binary, testIDs: graded[exercise.name] ?? [],
                    perTestLimit: policy.secondsPerTest * (shaker == nil ? 1 : ShakenSchedule.slowdown),
                    sandbox: sandbox, user: users.runner(slot))
                runner.library = inEngine ? compiled[exercise.name]?.normal.library : nil
                runner.shaker = shaker
                runner.deadline = deadline
                runner.stopAtFirstFailure = stopAtFirstFailure
                runner.explainsStuckThreads = started && shaker == nil
                return runner.run()
            }
        }
        let normalJobs: [@Sendable () throws -> Lane] = runnable.enumerated().map { index, exercise in
            { plainLane(exercise, sanitized.count + index, nil) }
        }
        let shakenJobs: [@Sendable () throws -> Lane] = shaken.enumerated().map { index, exercise in
            { plainLane(exercise, sanitized.count + runnable.count + index, preload) }
        }
        let sanitizerJobs: [@Sendable () throws -> Lane] = sanitized.enumerated().map { index, exercise in
            return { [self, sources] in
                if stopAtFirstFailure, compiled[exercise.name]?.normal.outcome == .swappable {
                    let subject = compileSanitized(
                        exercise, sources[exercise.name] ?? [:], engine: sanitizerEngine, base: sanitizerBase, users: users)
                    lateSanitized.update { $0[exercise.name] = subject }
                }
                let subject = compiled[exercise.name]?.sanitized ?? lateSanitized.value[exercise.name]
                let inEngine = subject?.outcome == .swappable
                // A late subject that cannot be swapped in builds the shared workspace around it.
                let locksWorkspaces = !inEngine && stopAtFirstFailure && !usesSharedWorkspaces
                if locksWorkspaces { Self.sharedWorkspaces.lock() }
                defer { if locksWorkspaces { Self.sharedWorkspaces.unlock() } }
                return Lane.timed(exercise.name, .threadSanitizer) {
                    guard inEngine else {
                        return sanitizerLane(
                            exercise, sources: sources[exercise.name] ?? [:], ids: graded[exercise.name] ?? [],
                            users: users, slot: index, deadline: deadline)
                    }
                    log("grading \(exercise.name) under ThreadSanitizer")
                    var runner = SuiteRunner(
                        workspace: sanitizerEngine.workspace.directory, binary: GradingWorkspace.binary,
                        testIDs: graded[exercise.name] ?? [], perTestLimit: policy.secondsPerTest * 3,
                        sandbox: sandbox, user: users.runner(index), limits: .sanitizedTests,
                        sanitizerLane: true)
                    runner.library = subject?.library
                    runner.deadline = deadline
                    runner.stopAtFirstFailure = stopAtFirstFailure
                    return runner.run()
                }
            }
        }
        let lanes: [Lane]
        if stopAtFirstFailure {
            // Known to be wrong: the other lanes look only where the normal lane saw nothing.
            let first = try runConcurrently(normalJobs, atMost: jobs)
            let clean = Set(first.filter { $0.outcome.results.values.allSatisfy { $0.status == .passed } }.map(\.exercise))
            let second =
                zip(sanitized, sanitizerJobs).filter { clean.contains($0.0.name) }.map(\.1)
                + zip(shaken, shakenJobs).filter { clean.contains($0.0.name) }.map(\.1)
            lanes = try first + runConcurrently(second, atMost: jobs)
        } else {
            // The longest lanes start first: ThreadSanitizer, then the shaken schedule.
            lanes = try runConcurrently(sanitizerJobs + shakenJobs + normalJobs, atMost: jobs)
        }
        let normal = Lane.byExercise(lanes, nil)
        let otherLanes = [Lane.byExercise(lanes, .threadSanitizer), Lane.byExercise(lanes, .shakenSchedule)]

        var results: [ExerciseResult] = []
        var anomalies: [String] = []
        for exercise in chosen {
            let ids = graded[exercise.name] ?? []
            var tests: [String: TestResult] = [:]
            if let problems = refused[exercise.name] {
                tests = Self.allTests(ids, .forbidden, problems.prefix(3).joined(separator: "\n"))
            } else if let errors = compileErrors[exercise.name] {
                tests = Self.allTests(ids, .didNotCompile, errors.prefix(3).joined(separator: "\n"))
            } else if let lane = normal[exercise.name] {
                tests = lane.outcome.results
                anomalies += lane.outcome.anomalies.map { "\(exercise.name): \($0)" }
                for other in otherLanes.compactMap({ $0[exercise.name] }) {
                    merge(other, into: &tests, schedule: schedule)
                    anomalies += other.outcome.anomalies.map { "\(exercise.name) (\(other.kind?.rawValue ?? "")): \($0)" }
                }
            }
            var result = result(
                for: exercise, ids: ids, tests: tests, index: base.index[exercise.name], compileErrors: compileErrors[exercise.name] ?? [],
                refused: refused[exercise.name] ?? [], notStarted: notStarted.contains(exercise.name))
            result.seconds = ([normal] + otherLanes).compactMap { $0[exercise.name]?.seconds }.reduce(0, +)
            results.append(result)
        }
        return SubmissionResult(
            submission: submission.name, exercises: results,
            score: Double(results.map { Int(($0.points * 100).rounded()) }.reduce(0, +)) / 100,
            maxScore: results.map(\.maxPoints).reduce(0, +),
            seconds: Date().timeIntervalSince(start), ignoredFiles: submission.ignored,
            sandbox: sandbox.protections, refusedFiles: submission.refused, anomalies: anomalies)
    }

    private static let sharedWorkspaces = NSLock()

    /// One exercise compiled alone, for the normal lane and, when it has
    /// one, the ThreadSanitizer lane.
    private struct CompiledAlone: Sendable {
        var normal: SuiteEngine.Subject
        var sanitized: SuiteEngine.Subject?
    }

    /// Compiles each exercise alone for every engine it runs in, a compiler per core.
    private func compileAlone(
        _ exercises: [Exercise], sources: [String: [String: String]],
        engine: SuiteEngine, base: SuiteEngine.Base,
        sanitizerEngine: SuiteEngine, sanitizerBase: SuiteEngine.Base?, sanitized: Set<String>,
        users: SandboxUsers
    ) throws -> [String: CompiledAlone] {
        let jobs: [@Sendable () throws -> (String, CompiledAlone)] = exercises.map { exercise in
            let files = sources[exercise.name] ?? [:]
            return {
                let normal = engine.compile(exercise, files, base: base, user: users.builder)
                var result = CompiledAlone(normal: normal)
                if normal.outcome == .swappable, sanitized.contains(exercise.name) {
                    result.sanitized = compileSanitized(exercise, files, engine: sanitizerEngine, base: sanitizerBase, users: users)
                }
                return (exercise.name, result)
            }
        }
        return Dictionary(uniqueKeysWithValues: try runConcurrently(jobs, atMost: ProcessInfo.processInfo.activeProcessorCount))
    }

    /// Compiles an exercise alone for the ThreadSanitizer engine, with the
    /// sources' fallbacks (``SanitizerSources``) until one can be swapped in.
    private func compileSanitized(
        _ exercise: Exercise, _ files: [String: String], engine: SuiteEngine, base: SuiteEngine.Base?, users: SandboxUsers
    ) -> SuiteEngine.Subject? {
        var subject: SuiteEngine.Subject?
        for attempt in SanitizerSources.attempts(files, course: course) where subject?.outcome != .swappable {
            subject?.discard()
            subject = engine.compile(exercise, attempt, base: base, user: users.builder)
        }
        return subject
    }

    private static func allTests(_ ids: [String], _ status: TestResult.Status, _ message: String) -> [String: TestResult] {
        Dictionary(
            uniqueKeysWithValues: ids.map { ($0, TestResult(id: $0, name: $0, status: status, message: message, teaches: nil, seconds: 0)) }
        )
    }

    /// Runs an exercise's suite again under ThreadSanitizer, in a workspace
    /// of its own. A build that fails only under the sanitizer costs that
    /// lane's verdicts, never the batch.
    private func sanitizerLane(
        _ exercise: Exercise, sources: [String: String], ids: [String],
        users: SandboxUsers, slot: Int, deadline: Date?
    ) -> SuiteRunner.Outcome {
        log("grading \(exercise.name) under ThreadSanitizer")
        let directory = URL(filePath: workDirectory.path + "-tsan")
        let workspace = GradingWorkspace(course: course, directory: directory, exercises: [exercise], threadSanitizer: true)
        var built = false
        for attempt in SanitizerSources.attempts(sources, course: course) where !built {
            guard (try? workspace.install([exercise.name: attempt])) != nil else { break }
            built = workspace.build(sandbox: sandbox, user: users.builder, timeout: policy.secondsPerBuild) == .built
        }
        guard built else {
            return SuiteRunner.Outcome(
                results: Self.allTests(
                    ids, .didNotCompile,
                    "the exercise compiles, but not under ThreadSanitizer (ask your instructor: this is the grader's problem)"))
        }
        var runner = SuiteRunner(
            workspace: directory, binary: GradingWorkspace.binary, testIDs: ids,
            perTestLimit: policy.secondsPerTest * 3, sandbox: sandbox, user: users.runner(slot),
            limits: .sanitizedTests, sanitizerLane: true)
        runner.deadline = deadline
        runner.stopAtFirstFailure = stopAtFirstFailure
        return runner.run()
    }

    /// One exercise's result from its tests' verdicts: the points of the
    /// tests that passed (none for a stub), and the exercise's verdict.
    func result(
        for exercise: Exercise, ids: [String], tests: [String: TestResult], index: SuiteIndex?,
        compileErrors: [String], refused: [String], notStarted: Bool
    ) -> ExerciseResult {
        let points = policy.points(for: exercise.name, tests: ids)
        let index = index ?? SuiteIndex(course: course, exercise: exercise)
        let ordered = ids.map { id -> TestResult in
            var result =
                tests[id]
                ?? TestResult(
                    id: id, name: id, status: .notReported, message: "no result was reported for this test", teaches: nil, seconds: 0)
            let entry = index.entry(for: id)
            result.name = entry?.displayName ?? TestNames.function(of: id)
            result.teaches = entry?.teaches
            result.maxPoints = points[id] ?? 0
            result.points = result.status == .passed && !notStarted ? result.maxPoints : 0
            if notStarted && result.status == .passed { result.message = "not started: passes, but an untouched stub earns nothing" }
            return result
        }
        // Summed in hundredths, so the tests add up exactly to the exercise.
        let earned = Double(ordered.map { Int(($0.points * 100).rounded()) }.reduce(0, +)) / 100
        // An untouched stub is "not started" however its tests went.
        let verdict: ExerciseResult.Verdict =
            notStarted
            ? .notStarted
            : ids.isEmpty || ordered.contains(where: \.status.isError)
                ? .error
                : ordered.allSatisfy { $0.status == .passed } ? .passed : .failed
        var notes: [String] = []
        if notStarted { notes.append("not started: the exercise is missing or still the pristine stub, so it earns no points") }
        if !refused.isEmpty { notes.append("not built: the sources use constructs the grader refuses, so the exercise earns no points") }
        if ids.isEmpty { notes.append("the course lists no tests for this exercise") }
        return ExerciseResult(
            exercise: exercise.name, lesson: exercise.lesson.path, tests: ordered,
            points: earned, maxPoints: policy.maxPoints(for: exercise.name),
            verdict: verdict, compileErrors: compileErrors + refused, notes: notes, seconds: 0)
    }
}
