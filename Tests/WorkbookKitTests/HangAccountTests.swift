import Foundation
import Testing
@testable import WorkbookKit

/// The account of a hung test: read from recorded captures of real hangs
/// (`Tests/Fixtures/Captures/`, made by the grader from course mutants), and
/// once end to end on a real ABBA deadlock captured with gdb.
@Suite struct HangAccountTests {
    static let captures = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Fixtures/Captures")

    func recorded(_ name: String) throws -> [CapturedThread] {
        try JSONDecoder().decode([CapturedThread].self, from: Data(contentsOf: Self.captures.appending(path: "\(name).json")))
    }

    @Test("a lock whose unlock never signals: every thread waits on the condition, named as a lost wake-up")
    func lostWakeUp() throws {
        let lines = HangAccount().lines(try recorded("lock-lost-wake-up"))
        #expect(lines.contains { $0.contains("waits on a condition at Lock.swift:27 (test step LockTests.swift:71)") }, "\(lines)")
        #expect(lines.last?.contains("lost wake-up") == true, "\(lines)")
        #expect(!lines.joined().contains("CourseSupport"), "the harness is folded away")
    }

    @Test("withLock that skips the unlock on a throw: the lock's holder has left the student's code")
    func neverReleased() throws {
        let lines = HangAccount().lines(try recorded("scoped-lock-never-released"))
        #expect(
            lines.contains {
                $0.contains("waits for a lock held by thread B, which has left your code without unlocking it at Guarded.swift:14")
            },
            "\(lines)")
        #expect(lines.last?.contains("never released") == true, "\(lines)")
    }

    @Test("threads of the runtime and the test harness alone are not described")
    func onlyStudentThreads() throws {
        let threads = try recorded("daemon-stub-waits")
        let waiters = HangAccount().waiters(threads)
        #expect(!waiters.isEmpty && waiters.count < threads.count)
        #expect(waiters.allSatisfy { $0.at != nil || $0.step != nil })
    }

    @Test("in the shaken-schedule lane, the schedule shaker between the student's code and pthreads is folded away")
    func shakerFolded() {
        let waiting = CapturedThread(
            tid: 10, innerTid: 3, name: "t",
            frames: [
                CapturedFrame(pc: 1, function: "___pthread_mutex_lock", library: "libc.so.6", mutex: 64, owner: 9),
                CapturedFrame(
                    pc: 2, function: "pthread_mutex_lock", library: "/run/workbook/shaker/libScheduleShaker.so",
                    location: "/workspace/Sources/ScheduleShaker/ScheduleShaker.c:231:12"),
                CapturedFrame(
                    pc: 3, function: "$s12LockExercise1fyyF", library: "", location: "/workspace/Sources/LockExercise/Lock.swift:12:5"),
            ])
        let lines = HangAccount().lines([waiting])
        #expect(lines.first == "thread A waits for a lock held by a thread that has ended at Lock.swift:12", "\(lines)")
        #expect(!lines.joined().contains("ScheduleShaker"))
    }

    /// A thread of the student's code waiting for the pthread mutex at
    /// `mutex`, held by the thread whose id is `owner`.
    func waitingForLock(tid: Int32, mutex: UInt64, owner: Int32, line: Int) -> CapturedThread {
        CapturedThread(
            tid: tid, innerTid: tid, name: "t",
            frames: [
                CapturedFrame(pc: 1, function: "___pthread_mutex_lock", library: "libc.so.6", mutex: mutex, owner: owner),
                CapturedFrame(
                    pc: 2, function: "$s14ScopedExercise1fyyF", library: "",
                    location: "/workspace/Sources/ScopedExercise/Guarded.swift:\(line):9"),
            ])
    }

    @Test("a ring of threads each waiting for a lock the next one holds is a deadlock, named link by link")
    func ring() {
        let lines = HangAccount().lines([
            waitingForLock(tid: 3, mutex: 64, owner: 4, line: 32),
            waitingForLock(tid: 4, mutex: 128, owner: 5, line: 32),
            waitingForLock(tid: 5, mutex: 192, owner: 3, line: 34),
        ])
        #expect(lines.first == "thread A waits for a lock held by thread B at Guarded.swift:32", "\(lines)")
        #expect(
            lines.last == "deadlock: thread A waits for a lock thread B holds, thread B waits for a lock thread C holds "
                + "and thread C waits for a lock thread A holds, so none of them can go on: take the locks in one order that every thread agrees on",
            "\(lines)")
    }

    @Test("a thread waiting for a lock it holds itself is named so, not as a ring")
    func waitsForItself() {
        let lines = HangAccount().lines([waitingForLock(tid: 3, mutex: 64, owner: 3, line: 32)])
        #expect(lines.first == "thread A waits for a lock it holds itself at Guarded.swift:32", "\(lines)")
        #expect(lines.last?.hasPrefix("deadlock: thread A waits for a lock it already holds") == true, "\(lines)")
    }

    @Test("a lock held by a thread that has ended is named as never released")
    func ownerEnded() {
        let waiting = CapturedThread(
            tid: 10, innerTid: 3, name: "t",
            frames: [
                CapturedFrame(pc: 1, function: "___pthread_mutex_lock", library: "libc.so.6", mutex: 64, owner: 9),
                CapturedFrame(
                    pc: 2, function: "$s12LockExercise1fyyF", library: "", location: "/workspace/Sources/LockExercise/Lock.swift:12:5"),
            ])
        let lines = HangAccount().lines([waiting])
        #expect(lines.first == "thread A waits for a lock held by a thread that has ended at Lock.swift:12")
        #expect(lines.last?.contains("never released") == true)
    }

    @Test(
        "two threads taking two locks in opposite orders, captured with gdb: a deadlock, with both lines",
        .tags(.integration), .enabled(if: StackCapture.isAvailable && getuid() == 0))
    func realDeadlock() throws {
        let folder = try TemporaryFolder()
        let source = """
            import Foundation
            let first = NSLock(), second = NSLock()
            func forwards() { first.lock(); Thread.sleep(forTimeInterval: 0.3); second.lock() }
            func backwards() { second.lock(); Thread.sleep(forTimeInterval: 0.3); first.lock() }
            Thread { forwards() }.start()
            Thread { backwards() }.start()
            Thread.sleep(forTimeInterval: 120)
            """
        try folder.write(source, to: "Sources/Abba/main.swift")
        let binary = folder.url.appending(path: "abba")
        let compiled = ProcessRunner.run(
            Toolchain.swiftc,
            [
                "-g", "-Onone", folder.url.appending(path: "Sources/Abba/main.swift").path,
                "-o", binary.path,
            ], timeout: 120)
        #expect(compiled.ending == .exited(0), "\(compiled.output)")
        let program = Process()
        program.executableURL = binary
        try program.run()
        defer { kill(program.processIdentifier, SIGKILL); program.waitUntilExit() }
        Thread.sleep(forTimeInterval: 1.5)  // both threads now wait for each other
        let start = Date()
        let threads = try #require(StackCapture.capture(under: getpid(), binaryName: "abba", binary: binary))
        let seconds = Date().timeIntervalSince(start)
        let lines = HangAccount().lines(threads)
        #expect(
            lines.contains { $0.hasPrefix("thread A waits for a lock held by thread B at main.swift:3") }
                || lines.contains { $0.hasPrefix("thread A waits for a lock held by thread B at main.swift:4") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("deadlock:") }, "\(lines)")
        #expect(seconds < StackCapture.secondsLimit + 2)
    }

    @Test(
        "a test that finds threads stuck explains where each waits, at the student's line, in the grade",
        .tags(.integration), .enabled(if: StackCapture.isAvailable && Sandbox.machine.isolation == .full))
    func stuckThreadsInAGrade() async throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let course = try Course.load(root: root).0
        let lock = try course.exercise(named: "lock")
        let mutant = try #require(try MutantPatch.all(in: lock.mutantsDirectory, root: root).first { $0.name == "unlock-without-signal" })
        let reference = Dictionary(uniqueKeysWithValues: lock.files.map { ($0.name, $0.solutionText(exercise: lock)) })
        let submission = Submission(name: "lost wake-up", folder: root, sources: ["lock": try mutant.apply(to: reference)], ignored: [])
        let grader = Grader(course: course, policy: try GradingPolicy.load(root: root), workspace: "grading-hang-account")
        let result = try await offThePool { try grader.grade(submission, only: ["lock"]) }
        let explained = try #require(
            result.exercises.first?.tests.first { $0.message.contains("where each thread was") },
            "no failed test explains where the threads wait")
        #expect(explained.message.contains("waits on a condition at Lock.swift:"), "\(explained.message)")
        #expect(explained.message.contains("lost wake-up"), "\(explained.message)")
    }
}
