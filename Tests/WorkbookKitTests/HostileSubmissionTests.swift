import Foundation
import Testing
@testable import WorkbookKit

/// Grades the hostile submissions in `Tests/Fixtures/Hostile/` with the real
/// course and grader: each must get a fair verdict within its bounds, and a
/// hostile exercise must not cost the other exercise anything.
///
/// Each fixture attacks two exercises at once (lock and threads), which also
/// shows that one exercise's failure stays in that exercise. They are graded
/// in the normal lane only: the ThreadSanitizer and shaken-schedule lanes
/// meet hostile code in `HostileBatchTests`, and here they would only
/// multiply the time each hang costs.
@Suite(.serialized, .tags(.integration))
struct HostileSubmissionTests {
    // Generous: clean references must never time out on a loaded two-core machine.
    static let secondsPerTest = 5.0

    let course: Course
    let grader: Grader

    init() throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        course = try Course.load(root: root).0
        var policy = try GradingPolicy.load(root: root)
        policy.secondsPerTest = Self.secondsPerTest
        policy.threadSanitizer = []
        policy.shakenSchedule = []
        grader = Grader(course: course, policy: policy, workspace: "grading-tests")
    }

    /// Grades on a thread of its own: minutes of blocking work must not hold
    /// a thread of the cooperative pool, which the course's suites need.
    func grade(_ submission: @autoclosure () throws -> Submission, with grader: Grader? = nil) async throws -> SubmissionResult {
        let grader = grader ?? self.grader
        return try await offThePool { try grader.grade(try submission(), only: ["lock", "threads"]) }
    }

    func grade(_ fixture: String) async throws -> (lock: ExerciseResult, threads: ExerciseResult, whole: SubmissionResult) {
        let folder = course.root.appending(path: "Tests/Fixtures/Hostile/\(fixture)")
        let result = try await grade(try Submission.load(folder, course: course))
        let lock = try #require(result.exercises.first { $0.exercise == "lock" })
        let threads = try #require(result.exercises.first { $0.exercise == "threads" })
        for exercise in [lock, threads] {
            // Every test is bounded: at worst each one runs to its limit, in
            // each lane (the ThreadSanitizer lane allows three times as long).
            let sanitized = grader.policy.threadSanitizer.contains(exercise.exercise)
            let perTest = (Self.secondsPerTest + 3) + (sanitized ? 3 * Self.secondsPerTest + 3 : 0)
            #expect(
                exercise.seconds < Double(exercise.tests.count) * perTest + 10,
                "\(exercise.exercise) took \(exercise.seconds) s")
            #expect(exercise.verdict != .passed && exercise.points < exercise.maxPoints)
        }
        return (lock, threads, result)
    }

    @Test("the reference solutions score full marks")
    func referenceSolutions() async throws {
        let submission = Submission(name: "reference", folder: course.root, sources: grader.solutions, ignored: [])
        let result = try await grade(submission)
        #expect(result.exercises.allSatisfy { $0.verdict == .passed }, "\(result.exercises.map(\.firstProblem))")
        #expect(result.score == result.maxScore)
    }

    @Test("the pristine stubs score zero, with tests that fail and never error")
    func pristineStubs() async throws {
        let submission = Submission(name: "stubs", folder: course.root, sources: grader.stubs, ignored: [])
        let result = try await grade(submission)
        #expect(result.score == 0)
        for exercise in result.exercises {
            #expect(exercise.verdict == .notStarted)
            #expect(!exercise.tests.contains { $0.status.isError }, "\(exercise.exercise): \(exercise.tests.map(\.status))")
            #expect(exercise.tests.contains { $0.status == .failed })
        }
    }

    @Test("a deadlocking lock is bounded; a compile error costs only its exercise; edited Tests/ and Package.swift are ignored")
    func deadlockAndCompileError() async throws {
        let (lock, threads, whole) = try await grade("deadlock-and-compile-error")
        #expect(threads.verdict == .error)
        #expect(threads.tests.allSatisfy { $0.status == .didNotCompile })
        #expect(threads.compileErrors.first?.contains("error:") == true)
        #expect(
            lock.tests.count == SuiteIndex(course: course, exercise: try course.exercise(named: "lock")).entries.count,
            "the course's lock suite ran, not the submission's")
        #expect(lock.tests.contains { $0.status == .passed }, "the lock was still graded despite the broken threads exercise")
        #expect(whole.ignoredFiles.contains("Package.swift") && whole.ignoredFiles.contains("Tests"))
    }

    @Test("an endless spin times out; a trapping stub crashes only the tests that call it")
    func spinAndTrap() async throws {
        let (lock, threads, _) = try await grade("spin-and-trap")
        #expect(lock.tests.contains { $0.status == .timedOut || $0.status == .failed })
        #expect(threads.tests.contains { $0.status == .crashed })
        #expect(threads.verdict == .error)
    }

    @Test("a livelock is bounded; a flood of output is cut off")
    func livelockAndFlood() async throws {
        let (lock, threads, _) = try await grade("livelock-and-flood")
        #expect(!lock.tests.contains { $0.status == .passed && $0.name.contains("woken promptly") })
        #expect(threads.tests.allSatisfy { $0.status != .passed || $0.name.contains("empty") })
        #expect(threads.tests.contains { $0.status == .timedOut || $0.status == .crashed })
    }

    @Test("exit(0) mid-run is a crash, not a pass; printed fake pass lines change nothing")
    func exitAndFakePass() async throws {
        let (lock, threads, _) = try await grade("exit-and-fake-pass")
        let exited = lock.tests.filter { $0.status == .crashed }
        #expect(!exited.isEmpty && exited.allSatisfy { $0.message.contains("status 0") })
        #expect(lock.tests.contains { $0.status == .passed }, "tests that do not call tryLock still count")
        #expect(threads.verdict == .failed)
        #expect(threads.tests.filter { $0.status == .passed }.count <= 1)
    }

    @Test("a crash in one later test costs that test only; a thread bomb is contained")
    func lateCrashAndBomb() async throws {
        let (lock, threads, _) = try await grade("late-crash-and-bomb")
        // Every test that calls withLock traps there, and only those crash.
        let crashed = lock.tests.filter { $0.status == .crashed }
        #expect(
            !crashed.isEmpty && crashed.allSatisfy { $0.message.contains("Index out of range") },
            "\(crashed.map(\.message))")
        #expect(lock.tests.filter { $0.status == .passed }.count >= lock.tests.count - crashed.count - 1)
        #expect(threads.tests.allSatisfy { $0.status != .passed || $0.name.contains("empty") })
    }

    @Test("past the submission's time budget, the tests still without a verdict are not run and the rest keep theirs")
    func budget() async throws {
        var budgeted = grader
        budgeted.budget = 20
        var sources = budgeted.solutions.filter { ["lock", "threads"].contains($0.key) }
        sources["threads"] = [
            "Threads.swift": "public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {\n    while true {}\n}\n"
        ]
        let result = try await grade(Submission(name: "slow", folder: course.root, sources: sources, ignored: []), with: budgeted)
        let lock = try #require(result.exercises.first { $0.exercise == "lock" })
        let threads = try #require(result.exercises.first { $0.exercise == "threads" })
        #expect(threads.tests.contains { $0.status == .notRun }, "an endless runAll cannot finish its suite in 20 s")
        #expect(threads.tests.filter { $0.status == .notRun }.allSatisfy { $0.points == 0 && $0.message.contains("time budget") })
        #expect(lock.points > 0, "what finished in time keeps its points")
        #expect(result.seconds < 20 + 15, "the budget holds: \(result.seconds) s")
    }
}
