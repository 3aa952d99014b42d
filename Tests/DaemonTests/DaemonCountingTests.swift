#if SOLUTIONS
import DaemonSolution
#else
import DaemonExercise
#endif
import CourseSupport
import Foundation
import Testing

/// `liveNonDaemonCount`, and spawning from many threads and tasks at once.
@Suite("Daemon threads: counting the non-daemon threads")
struct DaemonCountingTests {
    @Test(
        "liveNonDaemonCount counts exactly the running non-daemon threads",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func liveCountIsExact() throws {
        let runtime = ThreadRuntime()
        let daemonGate = CountdownLatch(1)
        defer { daemonGate.countDown() }
        let gates = (0..<3).map { _ in CountdownLatch(1) }
        defer { gates.forEach { $0.countDown() } }
        for gate in gates {
            runtime.spawn { _ = gate.wait(within: untilLetGo) }
        }
        for _ in 0..<2 {
            runtime.spawn(daemon: true) { _ = daemonGate.wait(within: untilLetGo) }
        }
        try #require(
            eventually(within: promptly) { runtime.liveNonDaemonCount == 3 },
            "with 3 non-daemon and 2 daemon threads running, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 3")
        gates[0].countDown()
        try #require(
            eventually(within: promptly) { runtime.liveNonDaemonCount == 2 },
            "after one of 3 non-daemon threads finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 2")
        gates[1].countDown()
        gates[2].countDown()
        try #require(
            eventually(within: promptly) { runtime.liveNonDaemonCount == 0 },
            "after every non-daemon thread finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 0")
    }

    @Test(
        "non-daemon threads spawned from several threads at once are all counted, and the count is back to zero when they end together",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func countSurvivesManyThreads() throws {
        let runtime = ThreadRuntime()
        let spawners = 4, perSpawner = 16, total = spawners * perSpawner
        let gate = CountdownLatch(1)
        defer { gate.countDown() }
        let bodiesRun = Shared(0)
        let spawning = startThreads(spawners, name: "spawner") { _ in
            for _ in 0..<perSpawner {
                runtime.spawn {
                    _ = gate.wait(within: untilLetGo)
                    bodiesRun.update { $0 += 1 }
                }
            }
        }
        try #require(spawning.join(within: promptly), "spawning \(total) threads did not finish within \(Int(promptly)) s")
        #expect(
            runtime.liveNonDaemonCount == total,
            "\(spawners) threads each spawned \(perSpawner) non-daemon threads, which are all still running, but liveNonDaemonCount was \(runtime.liveNonDaemonCount), not \(total): guard the count with a lock"
        )
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while \(total) non-daemon threads were still running")
        gate.countDown()  // every thread ends at once
        #expect(
            waiter.join(within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after \(total) non-daemon threads ended together (the count of running threads is probably wrong)"
        )
        #expect(
            bodiesRun.current == total,
            "waitForNonDaemonThreads() returned after \(bodiesRun.current) of \(total) non-daemon threads had finished")
        #expect(
            runtime.liveNonDaemonCount == 0,
            "after every non-daemon thread finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 0")
    }

    @Test(
        "non-daemon threads spawned from many tasks at once are all counted and waited for",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func spawnFromTasks() async throws {
        try await atTestPriority(Self.spawnFromTasksBody)
    }

    @Sendable private static func spawnFromTasksBody() async throws {
        // spawn only takes a lock for a moment, so tasks on the cooperative
        // pool may call it; the blocking wait runs on a dedicated thread,
        // never in a task.
        let runtime = ThreadRuntime()
        let tasks = 8, perTask = 2, total = tasks * perTask
        let gate = CountdownLatch(1)
        defer { gate.countDown() }
        let spawned = CountdownLatch(tasks)
        for _ in 0..<tasks {
            Task.detached(priority: testTaskPriority) {
                for _ in 0..<perTask {
                    runtime.spawn { _ = gate.wait(within: untilLetGo) }
                }
                spawned.countDown()
            }
        }
        try #require(await isOpen(spawned, within: promptly), "\(tasks) tasks did not finish spawning within \(Int(promptly)) s")
        #expect(
            runtime.liveNonDaemonCount == total,
            "\(tasks) tasks each spawned \(perTask) non-daemon threads, which are all still running, but liveNonDaemonCount was \(runtime.liveNonDaemonCount), not \(total)"
        )
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(
            await !isOpen(waiter, within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while non-daemon threads spawned by tasks were still running")
        gate.countDown()
        #expect(
            await isOpen(waiter, within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the non-daemon threads spawned by tasks ended")
        #expect(
            runtime.liveNonDaemonCount == 0,
            "after every non-daemon thread finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 0")
    }
}

/// Polls `isOpen` until it holds or `seconds` pass, sleeping in between, so
/// that an async test waits with a bound and without blocking a thread of
/// the cooperative pool.
private func isOpen(within seconds: Double, _ isOpen: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !isOpen() && ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(2))
    }
    return isOpen()
}

private func isOpen(_ latch: CountdownLatch, within seconds: Double) async -> Bool {
    await isOpen(within: seconds) { latch.isOpen }
}

private func isOpen(_ threads: ThreadGroup, within seconds: Double) async -> Bool {
    await isOpen(within: seconds) { threads.isFinished }
}
