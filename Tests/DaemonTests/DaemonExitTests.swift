#if SOLUTIONS
import DaemonSolution
#else
import DaemonExercise
#endif
import CourseSupport
import Foundation
import Testing

/// The tests that watch a real process exit: each runs a scenario of
/// ``DaemonScenarios`` in a child process. ``DaemonWaitingTests`` and
/// ``DaemonCountingTests`` run in this process. Every test makes its own
/// `ThreadRuntime`, so the tests may run in parallel with the other suites';
/// these run one at a time, so that only one child process starts at once
/// (a child under ThreadSanitizer is slow to start and to exit).
@Suite("Daemon threads: how the program ends", .serialized)
struct DaemonExitTests {
    // MARK: - A real process exit (child processes)

    @Test(
        "the program waits for its non-daemon thread and abandons a daemon thread that runs forever",
        .teaches("03-daemon-threads#every-swift-thread-is-a-daemon-thread"))
    func programEndsDespiteDaemonThread() throws {
        let child = try ChildProcess.run(scenario: "daemonBesideNonDaemon", testName: "daemonBesideNonDaemon")
        try #require(child.reachedEndOfProgram, "the child process never reached the end of its program; it printed:\n\(child.output)")
        #expect(
            child.killedBecause == nil,
            "the program did not end: it \(child.killedBecause ?? ""); daemon threads must be abandoned, not waited for")
        #expect(
            child.output.contains("worker: report saved"),
            "the program exited before its non-daemon thread printed \"worker: report saved\": exit(status:) must wait for non-daemon threads (and only for them)"
        )
        #expect(child.status == 0, "the program should exit with status 0, got \(String(describing: child.status))")
    }

    @Test(
        "a non-daemon thread's slow work finishes before the program exits with the status given",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func slowNonDaemonWorkFinishes() throws {
        let child = try ChildProcess.run(scenario: "slowNonDaemon", testName: "slowNonDaemon")
        try #require(child.reachedEndOfProgram, "the child process never reached the end of its program; it printed:\n\(child.output)")
        #expect(child.killedBecause == nil, "the program did not end: it \(child.killedBecause ?? "")")
        #expect(
            child.output.contains("worker: report saved"),
            "the program exited before its non-daemon thread printed \"worker: report saved\": exit(status:) must wait for non-daemon threads"
        )
        #expect(child.status == 3, "exit(status: 3) should end the process with status 3, got \(String(describing: child.status))")
    }

    @Test(
        "a non-daemon thread spawned by another non-daemon thread is waited for too",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func nestedNonDaemonWorkFinishes() throws {
        let child = try ChildProcess.run(scenario: "nestedNonDaemon", testName: "nestedNonDaemon")
        try #require(child.reachedEndOfProgram, "the child process never reached the end of its program; it printed:\n\(child.output)")
        #expect(child.killedBecause == nil, "the program did not end: it \(child.killedBecause ?? "")")
        #expect(
            child.output.contains("grandchild: report saved"),
            "the program exited before a non-daemon thread spawned by another non-daemon thread finished")
        #expect(child.status == 0, "the program should exit with status 0, got \(String(describing: child.status))")
    }

    @Test(
        "exit(status:) waits for 3 s of non-daemon work, with no deadline of its own, and another waiting thread wakes too",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func exitWaitsForLongWorkBesideAnotherWaiter() throws {
        let child = try ChildProcess.run(
            scenario: "longNonDaemonAndWaiter", testName: "longNonDaemonAndWaiter",
            exitLimit: 3 + promptly)
        try #require(child.reachedEndOfProgram, "the child process never reached the end of its program; it printed:\n\(child.output)")
        #expect(
            child.killedBecause == nil,
            "the program did not end: it \(child.killedBecause ?? ""); when the last non-daemon thread ends, every waiter must be woken (broadcast, not signal), exit(status:) among them"
        )
        #expect(
            child.output.contains("worker: long job done") && !child.output.contains("exit: returned before"),
            "the program exited before a non-daemon thread's 3-second job was done: exit(status:) and waitForNonDaemonThreads() must wait however long it takes, with no deadline"
        )
        #expect(
            !child.output.contains("helper: still waiting"),
            "exit(status:) returned but another thread's waitForNonDaemonThreads() was never woken: wake every waiter (broadcast, not signal)"
        )
        #expect(child.status == 4, "exit(status: 4) should end the process with status 4, got \(String(describing: child.status))")
    }
}
