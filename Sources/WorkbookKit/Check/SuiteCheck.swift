import Foundation

/// What the suites check found: its problems, and a tally for each subject graded.
public struct SuiteCheckReport: Sendable {
    /// How one subject (a solution, a stub, a mutant, an accepted design)
    /// fared over its runs.
    public struct Tally: Sendable {
        /// What was graded, in words: `solution lock`, `mutant lock/if-instead-of-while`.
        public var subject: String
        /// How many times it was graded.
        public var runs = 0
        /// How many of those gradings came out as they should.
        public var asExpected = 0
        /// Wall-clock seconds of all its runs.
        public var seconds = 0.0
        /// Runs of a mutant that only the shaken-schedule lane caught.
        public var onlyWithShakenSchedule = 0
    }

    /// Every problem found with a suite.
    public var diagnostics: [Diagnostic] = []
    /// A tally for each subject graded, in the order they were checked.
    public var tallies: [Tally] = []
}

/// Proves the graded suites right, through the grader itself: the reference
/// solutions pass, the pristine stubs fail (without errors), and every
/// known-buggy mutant fails — each `runs` times.
struct SuiteCheck {
    let course: Course
    let runs: Int
    /// The exercises checked (names or folders, any case); all when empty.
    let exercises: [String]
    /// The shaken-schedule lane's seed; a fresh one for each grading when nil.
    let seed: UInt64?
    let log: @Sendable (String) -> Void

    func check() -> SuiteCheckReport {
        var report = SuiteCheckReport()
        do {
            let policy = try GradingPolicy.load(root: course.root)
            var seeded = Grader(course: course, policy: policy, log: log)
            seeded.seed = seed
            let grader = seeded
            let chosen =
                try exercises.isEmpty ? course.exercises : exercises.map { name throws(WorkbookError) in try course.exercise(named: name) }
            // Every subject is its own job, and all of them share one queue:
            // the gradings mostly wait (for threads, deadlines and bounded
            // waits that a stub lets run out), so the slowest, the stubs,
            // start first and the rest fill the time around them.
            var jobs: [(shownAs: Int, job: @Sendable () throws -> VariantCheck)] = []
            for (index, exercise) in chosen.enumerated() {
                jobs.append((2 * chosen.count + index, { [self] in try checkStub(grader, exercise, edited: true) }))
                jobs.append((chosen.count + index, { [self] in try checkStub(grader, exercise, edited: false) }))
            }
            for (index, exercise) in chosen.enumerated() {
                jobs.append((index, { [self] in try checkSolution(grader, exercise) }))
            }
            for (shown, job) in try variantJobs(grader, chosen, &report) { jobs.append((3 * chosen.count + shown, job)) }
            let checked = try runConcurrently(jobs.map(\.job), atMost: 2 * grader.jobs)
            for (_, result) in zip(jobs, checked).sorted(by: { $0.0.shownAs < $1.0.shownAs }) {
                report.tallies.append(result.tally)
                report.diagnostics += result.diagnostics
            }
        } catch {
            report.diagnostics.append(Diagnostic("Tests", nil, "could not grade the course's own code: \(error)"))
        }
        return report
    }

    private func checkSolution(_ grader: Grader, _ exercise: Exercise) throws -> VariantCheck {
        var checked = VariantCheck(tally: SuiteCheckReport.Tally(subject: "solution \(exercise.name)"))
        let submission = Submission(name: "reference solutions", folder: course.root, sources: grader.solutions, ignored: [])
        let start = Date()
        for run in 1...runs {
            log("solution \(exercise.name), run \(run) of \(runs)")
            guard let result = try grader.grade(submission, only: [exercise.name]).exercises.first else { continue }
            checked.tally.runs += 1
            if result.verdict == .passed {
                checked.tally.asExpected += 1
            } else {
                checked.diagnostics.append(problem(exercise, "the reference solution fails its suite (run \(run))", result))
            }
        }
        checked.tally.seconds = Date().timeIntervalSince(start)
        return checked
    }

    /// The pristine stub must fail its suite cleanly and earn nothing. A
    /// stub with one comment added is no longer "not started", so it is
    /// graded like any attempt: it must still earn nothing. A test that the
    /// starting code already passes carries no points (weight 0 in
    /// `Tests/grading.json`), or it is rewritten so that the stub fails it.
    private func checkStub(_ grader: Grader, _ exercise: Exercise, edited: Bool) throws -> VariantCheck {
        var stubs = grader.stubs
        if edited { stubs[exercise.name] = stubs[exercise.name]?.mapValues { $0 + "\n// started\n" } }
        let subject = "stub \(exercise.name)" + (edited ? " with a comment added" : "")
        var checked = VariantCheck(tally: SuiteCheckReport.Tally(subject: subject, runs: 1))
        let submission = Submission(
            name: edited ? "stubs with a comment added" : "stubs", folder: course.root, sources: stubs, ignored: [])
        let start = Date()
        guard let result = try grader.grade(submission, only: [exercise.name]).exercises.first else {
            checked.tally.runs = 0
            return checked
        }
        checked.tally.seconds = Date().timeIntervalSince(start)
        let problems = edited ? editedStubProblems(exercise, result) : stubProblems(exercise, result)
        if problems.isEmpty { checked.tally.asExpected = 1 }
        checked.diagnostics += problems
        return checked
    }

    private func stubProblems(_ exercise: Exercise, _ result: ExerciseResult) -> [Diagnostic] {
        if result.tests.allSatisfy({ $0.status == .passed }) {
            return [problem(exercise, "the pristine stub passes its suite: the tests do not test the exercise", result)]
        } else if result.tests.contains(where: \.status.isError) {
            return [
                problem(
                    exercise, "the pristine stub must fail its tests cleanly, without errors (compile errors, crashes, time-outs)", result)
            ]
        } else if result.verdict != .notStarted || result.points != 0 {
            return [problem(exercise, "the pristine stub must be graded `not started` with no points", result)]
        }
        return []
    }

    private func editedStubProblems(_ exercise: Exercise, _ result: ExerciseResult) -> [Diagnostic] {
        let earning = result.tests.filter { $0.points > 0 }
        if result.verdict == .notStarted {
            return [problem(exercise, "a stub with a comment added is still graded `not started`", result)]
        } else if !earning.isEmpty {
            let names = earning.map { "\(TestNames.function(of: $0.id)) (\($0.name))" }.joined(separator: "\n    ")
            return [
                Diagnostic(
                    exercise.testDirectory, nil,
                    "the starting code, barely edited, earns \(result.points) of \(result.maxPoints) points: give these tests weight 0 in Tests/grading.json or make the stub fail them:\n    \(names)"
                )
            ]
        }
        return []
    }

    /// Known-buggy versions (``MutantPatch``, `Tests/Mutants/<Name>/*.patch`)
    /// must fail; other correct designs (`Tests/Accepted/<Name>/<variant>/`,
    /// whole files) must pass. Each is one job, numbered in the order shown.
    private func variantJobs(
        _ grader: Grader, _ chosen: [Exercise], _ report: inout SuiteCheckReport
    ) throws -> [(Int, @Sendable () throws -> VariantCheck)] {
        var jobs: [(Int, @Sendable () throws -> VariantCheck)] = []
        for exercise in chosen {
            let mutants = try MutantPatch.all(in: exercise.mutantsDirectory, root: course.root)
            if mutants.count < Self.minimumMutants {
                report.diagnostics.append(
                    Diagnostic(
                        exercise.mutantsDirectory, nil,
                        "exercise '\(exercise.name)' has \(mutants.count) mutants; at least \(Self.minimumMutants) known-buggy versions, one bug each, are needed to show the suite catches the bugs students write"
                    ))
            }
            let acceptedDirectory = "Tests/Accepted/\(exercise.folder)"
            let accepted = variants(in: acceptedDirectory)
            if accepted.count < Self.minimumAccepted {
                report.diagnostics.append(
                    Diagnostic(
                        acceptedDirectory, nil,
                        "exercise '\(exercise.name)' has \(accepted.count) accepted designs; at least \(Self.minimumAccepted) other correct designs are needed to show the suite never fails a right answer"
                    ))
            }
            let reference = grader.solutions[exercise.name] ?? [:]
            for mutant in mutants {
                jobs.append(
                    (
                        jobs.count,
                        { [self] in
                            let files: [String: String]
                            do throws(WorkbookError) { files = try mutant.apply(to: reference) } catch {
                                guard case .problems(let found) = error else { throw error }
                                return VariantCheck(tally: .init(subject: "mutant \(exercise.name)/\(mutant.name)"), diagnostics: found)
                            }
                            return try checkVariant(mutant.path, named: mutant.name, files: files, of: exercise, mustPass: false, grader)
                        }
                    ))
            }
            for variant in accepted {
                let path = "\(acceptedDirectory)/\(variant)"
                jobs.append(
                    (
                        jobs.count,
                        { [self] in
                            var files = reference
                            for (name, text) in try SwiftFiles.read(in: course.root.appending(path: path)) { files[name] = text }
                            return try checkVariant(path, named: variant, files: files, of: exercise, mustPass: true, grader)
                        }
                    ))
            }
        }
        return jobs
    }

    static let minimumMutants = 10
    static let minimumAccepted = 3

    private struct VariantCheck: Sendable {
        var tally: SuiteCheckReport.Tally
        var diagnostics: [Diagnostic] = []
    }

    private func variants(in directory: String) -> [String] {
        let folder = course.root.appending(path: directory)
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    private func checkVariant(
        _ path: String, named name: String, files: [String: String], of exercise: Exercise,
        mustPass: Bool, _ grader: Grader
    ) throws -> VariantCheck {
        var sources = grader.solutions
        sources[exercise.name] = files
        let folder = course.root.appending(path: path)
        let kind = mustPass ? "accepted" : "mutant"
        var checked = VariantCheck(tally: SuiteCheckReport.Tally(subject: "\(kind) \(exercise.name)/\(name)"))
        let submission = Submission(name: "\(kind) \(name)", folder: folder, sources: sources, ignored: [])
        var grader = grader
        grader.stopAtFirstFailure = !mustPass
        let start = Date()
        for run in 1...runs {
            log("\(checked.tally.subject), run \(run) of \(runs)")
            guard let result = try grader.grade(submission, only: [exercise.name]).exercises.first else { continue }
            checked.tally.runs += 1
            if !result.compileErrors.isEmpty {
                checked.diagnostics.append(
                    Diagnostic(path, nil, "does not compile, so it proves nothing: \(result.compileErrors.first ?? "")"))
            } else if mustPass && result.verdict != .passed {
                checked.diagnostics.append(problem(path, "this correct design fails the suite (run \(run))", result))
            } else if !mustPass && result.verdict == .passed {
                checked.diagnostics.append(
                    Diagnostic(path, nil, "this known-buggy version passes the suite (run \(run)): the suite misses the bug it plants"))
            } else {
                checked.tally.asExpected += 1
                let failures = result.tests.filter { $0.status != .passed }
                if !mustPass && failures.allSatisfy({ $0.seenOnlyIn == .shakenSchedule }) { checked.tally.onlyWithShakenSchedule += 1 }
            }
        }
        checked.tally.seconds = Date().timeIntervalSince(start)
        return checked
    }

    private func problem(_ exercise: Exercise, _ message: String, _ result: ExerciseResult) -> Diagnostic {
        problem(exercise.testDirectory, message, result)
    }

    private func problem(_ path: String, _ message: String, _ result: ExerciseResult) -> Diagnostic {
        let detail =
            result.firstProblem.map { "\n    \($0.status.rawValue): \($0.name): \($0.message.split(separator: "\n").first ?? "")" } ?? ""
        return Diagnostic(path, nil, message + detail)
    }
}
