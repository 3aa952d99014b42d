#if SOLUTIONS
import DaemonSolution
#else
import DaemonExercise
#endif
import CourseSupport
import Foundation
import Testing

@Suite("Daemon and non-daemon threads", .serialized)
struct DaemonTests {
    // MARK: - A real process exit (child processes)

    @Test("the program ends within 2 s of its end while a daemon thread runs forever",
          .teaches("03-daemon-threads#every-swift-thread-is-a-daemon-thread"))
    func programEndsDespiteDaemonThread() throws {
        let child = try ChildProcess.run(scenario: "daemonRunsForever", testName: "daemonRunsForever")
        try #require(child.reachedEndOfProgram, "the child process never reached the end of its program; it printed:\n\(child.output)")
        #expect(child.killedBecause == nil,
                "the program did not end: it \(child.killedBecause ?? ""); daemon threads must be abandoned, not waited for")
        #expect(child.status == 0, "the program should exit with status 0, got \(String(describing: child.status))")
    }

    @Test("a non-daemon thread's slow work finishes before the program exits",
          .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func slowNonDaemonWorkFinishes() throws {
        let child = try ChildProcess.run(scenario: "slowNonDaemon", testName: "slowNonDaemon")
        try #require(child.reachedEndOfProgram, "the child process never reached the end of its program; it printed:\n\(child.output)")
        #expect(child.killedBecause == nil, "the program did not end: it \(child.killedBecause ?? "")")
        #expect(child.output.contains("worker: report saved"),
                "the program exited before its non-daemon thread printed \"worker: report saved\": exit(status:) must wait for non-daemon threads")
        #expect(child.status == 3, "exit(status: 3) should end the process with status 3, got \(String(describing: child.status))")
    }

    @Test("a non-daemon thread spawned by another non-daemon thread is waited for too",
          .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func nestedNonDaemonWorkFinishes() throws {
        let child = try ChildProcess.run(scenario: "nestedNonDaemon", testName: "nestedNonDaemon")
        try #require(child.reachedEndOfProgram, "the child process never reached the end of its program; it printed:\n\(child.output)")
        #expect(child.killedBecause == nil, "the program did not end: it \(child.killedBecause ?? "")")
        #expect(child.output.contains("grandchild: report saved"),
                "the program exited before a non-daemon thread spawned by another non-daemon thread finished")
        #expect(child.status == 0, "the program should exit with status 0, got \(String(describing: child.status))")
    }

    // MARK: - Waiting, in this process

    @Test("waitForNonDaemonThreads returns promptly when only daemon threads run",
          .teaches("03-daemon-threads#every-swift-thread-is-a-daemon-thread"))
    func waitIgnoresDaemonThreads() {
        let runtime = ThreadRuntime()
        let release = DispatchSemaphore(value: 0)
        defer { release.signal() }  // lets the daemon thread end after the test
        runtime.spawn(daemon: true) { release.wait() }
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(waiter.join(within: promptly),
                "waitForNonDaemonThreads() was still waiting after \(Int(promptly)) s although only a daemon thread was running: daemon threads must not be waited for")
    }

    @Test("waitForNonDaemonThreads does not return while a non-daemon thread runs",
          .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitWaitsForNonDaemonThread() {
        let runtime = ThreadRuntime()
        let gate = CountdownLatch(1)
        let workerFinished = Shared(false)
        runtime.spawn {
            _ = gate.wait(within: untilLetGo)
            workerFinished.update { $0 = true }
        }
        let finishedWhenWaitReturned = Shared<Bool?>(nil)
        let waiter = startThread {
            runtime.waitForNonDaemonThreads()
            finishedWhenWaitReturned.update { $0 = workerFinished.current }
        }
        #expect(!waiter.join(within: 0.3),
                "waitForNonDaemonThreads() returned while a non-daemon thread was still running")
        gate.countDown()
        #expect(waiter.join(within: promptly),
                "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the only non-daemon thread finished")
        #expect(finishedWhenWaitReturned.current != false,
                "waitForNonDaemonThreads() returned before the non-daemon thread's body had finished")
    }

    @Test("waitForNonDaemonThreads waits for every non-daemon thread, not only the first",
          .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitWaitsForAllNonDaemonThreads() {
        let runtime = ThreadRuntime()
        let gates = (0..<3).map { _ in CountdownLatch(1) }
        for gate in gates {
            runtime.spawn { _ = gate.wait(within: untilLetGo) }
        }
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(!waiter.join(within: 0.2),
                "waitForNonDaemonThreads() returned while three non-daemon threads were running")
        gates[0].countDown()
        gates[1].countDown()
        #expect(!waiter.join(within: 0.3),
                "waitForNonDaemonThreads() returned when two of three non-daemon threads had finished")
        gates[2].countDown()
        #expect(waiter.join(within: promptly),
                "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the last non-daemon thread finished")
    }

    @Test("waitForNonDaemonThreads also waits for non-daemon threads spawned while it waits",
          .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitWaitsForNestedThreads() {
        let runtime = ThreadRuntime()
        let parentGate = CountdownLatch(1)
        let childGate = CountdownLatch(1)
        runtime.spawn {
            _ = parentGate.wait(within: untilLetGo)
            runtime.spawn { _ = childGate.wait(within: untilLetGo) }
        }
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(!waiter.join(within: 0.2),
                "waitForNonDaemonThreads() returned while a non-daemon thread was running")
        parentGate.countDown()  // the parent now spawns a child and ends
        #expect(!waiter.join(within: 0.3),
                "waitForNonDaemonThreads() returned while a non-daemon thread spawned by another one was still running")
        childGate.countDown()
        #expect(waiter.join(within: promptly),
                "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the last non-daemon thread finished")
    }

    @Test("a non-daemon thread spawned just before the wait is waited for",
          .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitSeesThreadSpawnedJustBefore() {
        let runtime = ThreadRuntime()
        let earlyReturns = Shared(0)
        let rounds = 10
        let tester = startThread {
            for _ in 0..<rounds {
                let finished = Shared(false)
                runtime.spawn {
                    Thread.sleep(forTimeInterval: 0.02)
                    finished.update { $0 = true }
                }
                runtime.waitForNonDaemonThreads()
                if !finished.current { earlyReturns.update { $0 += 1 } }
            }
        }
        #expect(tester.join(within: promptly), "spawning and waiting \(rounds) times did not finish within \(Int(promptly)) s")
        #expect(earlyReturns.current == 0,
                "in \(earlyReturns.current) of \(rounds) rounds waitForNonDaemonThreads() returned before a thread spawned just before the call had finished: count the thread in spawn, before it starts")
    }

    // MARK: - Counting

    @Test("liveNonDaemonCount counts exactly the running non-daemon threads",
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
        try #require(eventually(within: promptly) { runtime.liveNonDaemonCount == 3 },
                     "with 3 non-daemon and 2 daemon threads running, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 3")
        gates[0].countDown()
        try #require(eventually(within: promptly) { runtime.liveNonDaemonCount == 2 },
                     "after one of 3 non-daemon threads finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 2")
        gates[1].countDown()
        gates[2].countDown()
        try #require(eventually(within: promptly) { runtime.liveNonDaemonCount == 0 },
                     "after every non-daemon thread finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 0")
    }

    @Test("many non-daemon threads spawned and finishing together leave the count at zero",
          .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func countSurvivesManyThreads() {
        let runtime = ThreadRuntime()
        let spawners = 4, perSpawner = 25
        let bodiesRun = Shared(0)
        let spawning = startThreads(spawners) { _ in
            for _ in 0..<perSpawner {
                runtime.spawn { bodiesRun.update { $0 += 1 } }
            }
        }
        #expect(spawning.join(within: promptly), "spawning \(spawners * perSpawner) threads did not finish within \(Int(promptly)) s")
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(waiter.join(within: promptly),
                "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after \(spawners * perSpawner) short non-daemon threads were spawned (the count of running threads is probably wrong)")
        #expect(bodiesRun.current == spawners * perSpawner,
                "waitForNonDaemonThreads() returned after \(bodiesRun.current) of \(spawners * perSpawner) non-daemon threads had finished")
        #expect(runtime.liveNonDaemonCount == 0,
                     "after every non-daemon thread finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 0")
    }
}
