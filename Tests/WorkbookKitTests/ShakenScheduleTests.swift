import Foundation
import Testing
@testable import WorkbookKit

/// The shaken-schedule lane's plumbing, without running anything: the seed
/// and the library reach the sandboxed test process, a failure only the
/// lane saw says so with the command that replays it, and the grader's
/// engine is the one workspace that builds the library.
@Suite struct ShakenScheduleTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let library = URL(filePath: "/course/.build/workbook/engine/.build/debug/libScheduleShaker.so")

    @Test("a failure only the lane saw names the seed and the command that replays it, on its first line")
    func marksFailure() {
        let schedule = ShakenSchedule(seed: 1234)
        let failure = TestResult(
            id: "LockTests.LockTests/tryLockOnFreeLock()", name: "tryLock takes a free lock", status: .failed,
            message: "tryLock() returned false on a free lock\nwhere each thread was: …", teaches: nil, seconds: 0.2)
        let marked = schedule.marked(failure, exercise: "lock")
        #expect(
            marked.message == """
                tryLock() returned false on a free lock (seen only with a shaken schedule: replay with `workbook test lock --seed 1234`)
                where each thread was: …
                """)
        #expect(marked.seenOnlyIn == .shakenSchedule)
        #expect(marked.status == .failed && marked.id == failure.id)

        let timedOut = TestResult(id: "x", name: "x", status: .timedOut, message: "still running after 20 s", teaches: nil, seconds: 20)
        #expect(
            schedule.marked(timedOut, exercise: "semaphore").message
                == "still running after 20 s (seen only with a shaken schedule: replay with `workbook test semaphore --seed 1234`)")

        let notRun = TestResult(id: "x", name: "x", status: .notRun, message: "not run: the time budget ran out", teaches: nil, seconds: 0)
        #expect(schedule.marked(notRun, exercise: "lock").message == "with a shaken schedule: not run: the time budget ran out")
    }

    @Test("a sandboxed test run in the lane sees the library read-only, preloaded, with the seed")
    func sandboxedRun() throws {
        let preload = ShakenSchedule.Preload(library: Self.library, schedule: ShakenSchedule(seed: 77))
        let sandbox = Sandbox(isolation: .full, controlGroups: nil, toolchainRoot: "/opt/swift", protections: [], missing: [])
        let run = SandboxRun(uid: 1_800_000_001, binds: [preload.bind], environment: preload.environment(in: sandbox), limits: .tests)
        let command = try sandbox.prepare(["/workspace/tests"], run).command
        let inside = "/run/workbook/shaker/libScheduleShaker.so"
        #expect(command.contains(sequence: ["--ro-bind", Self.library.path, inside]))
        #expect(command.contains(sequence: ["--setenv", "LD_PRELOAD", inside]))
        #expect(command.contains(sequence: ["--setenv", "WORKBOOK_SHAKE_SEED", "77"]))
        #expect(command.contains("--clearenv"))
    }

    @Test("without the sandbox's file walls the run preloads the library from where it was built")
    func unconfinedRun() throws {
        let preload = ShakenSchedule.Preload(library: Self.library, schedule: ShakenSchedule(seed: 5))
        let run = SandboxRun(uid: 0, binds: [preload.bind], environment: preload.environment(in: .unconfined), limits: .tests)
        let command = try Sandbox.unconfined.prepare(["/bin/true"], run).command
        #expect(command.contains("LD_PRELOAD=\(Self.library.path)"))
        #expect(command.contains("WORKBOOK_SHAKE_SEED=5"))
    }

    @Test("the library and the grader name the same seed variable")
    func seedVariable() throws {
        let header = try String(contentsOf: Self.root.appending(path: "Sources/ScheduleShaker/include/ScheduleShaker.h"), encoding: .utf8)
        #expect(header.contains("#define SCHEDULE_SHAKER_SEED_VARIABLE \"\(ShakenSchedule.seedVariable)\""))
        let sources = try ShakenSchedule.sources(in: Self.root)
        #expect(Set(sources.keys) == ["ScheduleShaker.c", "include/ScheduleShaker.h"])
    }

    @Test("random seeds are short enough to type back, and vary")
    func randomSeeds() {
        let seeds = (0..<50).map { _ in ShakenSchedule.random().seed }
        #expect(seeds.allSatisfy { (1...999_999).contains($0) })
        #expect(Set(seeds).count > 1)
    }

    @Test("only the grader's engine builds the library, as a dynamic library from the course's sources")
    func engineManifest() throws {
        let course = try Course.load(root: Self.root).0
        let folder = URL(filePath: "/tmp/unused")
        let engine = GradingWorkspace(
            course: course, directory: folder, exercises: course.exercises, threadSanitizer: false, swappableSubjects: true)
        #expect(engine.buildsScheduleShaker)
        #expect(engine.manifest().contains(#".library(name: "ScheduleShaker", type: .dynamic, targets: ["ScheduleShaker"])"#))
        #expect(engine.manifest().contains(#".target(name: "ScheduleShaker", path: "Sources/ScheduleShaker""#))
        #expect(engine.scheduleShaker.path == "/tmp/unused/.build/debug/libScheduleShaker.so")
        for other in [
            GradingWorkspace(
                course: course, directory: folder, exercises: course.exercises, threadSanitizer: true, swappableSubjects: true),
            GradingWorkspace(course: course, directory: folder, exercises: course.exercises, threadSanitizer: false),
        ] {
            #expect(!other.buildsScheduleShaker)
            #expect(!other.manifest().contains("ScheduleShaker"))
        }
    }

    @Test("the policy lists the exercises graded with a shaken schedule")
    func policy() throws {
        let policy = try JSONDecoder().decode(GradingPolicy.self, from: Data(#"{"shakenSchedule": ["lock", "race"]}"#.utf8))
        #expect(policy.shakenSchedule == ["lock", "race"])
        #expect(try JSONDecoder().decode(GradingPolicy.self, from: Data("{}".utf8)).shakenSchedule == [])
        let course = try GradingPolicy.load(root: Self.root)
        #expect(Set(course.shakenSchedule) == Set(try Course.load(root: Self.root).0.exercises.map(\.name)))
    }
}

private extension Array where Element == String {
    /// Whether `sequence` appears in order, side by side.
    func contains(sequence: [String]) -> Bool {
        guard sequence.count <= count else { return false }
        return indices.dropLast(sequence.count - 1).contains { Array(self[$0..<$0 + sequence.count]) == sequence }
    }
}
