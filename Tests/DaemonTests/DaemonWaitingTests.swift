#if SOLUTIONS
import DaemonSolution
#else
import DaemonExercise
#endif
import CourseSupport
import Foundation
import Testing

/// How long a test watches a waiter that must still be waiting. A correct
/// solution never returns early, so this only bounds how soon a wrong one is
/// caught; it is long enough for a thread that has finished to have told
/// the runtime so.
let stillWaitingWindow = 0.3

/// `waitForNonDaemonThreads()`, watched from threads of this process.
@Suite("Daemon threads: waiting for the non-daemon threads")
struct DaemonWaitingTests {
    @Test(
        "waitForNonDaemonThreads waits for the non-daemon thread only, not for a daemon thread that never ends",
        .teaches("03-daemon-threads#every-swift-thread-is-a-daemon-thread"))
    func waitIgnoresDaemonThreads() {
        let runtime = ThreadRuntime()
        let daemonGate = CountdownLatch(1)
        defer { daemonGate.countDown() }  // lets the daemon thread end after the test
        let workerGate = CountdownLatch(1)
        defer { workerGate.countDown() }
        runtime.spawn(daemon: true) { _ = daemonGate.wait(within: untilLetGo) }
        runtime.spawn { _ = workerGate.wait(within: untilLetGo) }
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while a non-daemon thread was still running")
        workerGate.countDown()
        #expect(
            waiter.join(within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the only non-daemon thread finished, while a daemon thread still ran: daemon threads must not be waited for"
        )
    }

    @Test(
        "waitForNonDaemonThreads does not return while a non-daemon thread runs",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitWaitsForNonDaemonThread() {
        let runtime = ThreadRuntime()
        let gate = CountdownLatch(1)
        defer { gate.countDown() }
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
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while a non-daemon thread was still running")
        gate.countDown()
        #expect(
            waiter.join(within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the only non-daemon thread finished")
        #expect(
            finishedWhenWaitReturned.current != false,
            "waitForNonDaemonThreads() returned before the non-daemon thread's body had finished")
    }

    @Test(
        "waitForNonDaemonThreads waits for every non-daemon thread, not only the first",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitWaitsForAllNonDaemonThreads() {
        let runtime = ThreadRuntime()
        let gates = (0..<3).map { _ in CountdownLatch(1) }
        defer { gates.forEach { $0.countDown() } }
        for gate in gates {
            runtime.spawn { _ = gate.wait(within: untilLetGo) }
        }
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while three non-daemon threads were running")
        gates[0].countDown()
        gates[1].countDown()
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned when two of three non-daemon threads had finished")
        gates[2].countDown()
        #expect(
            waiter.join(within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the last non-daemon thread finished")
    }

    @Test(
        "every thread waiting in waitForNonDaemonThreads is woken when the last non-daemon thread ends",
        .teaches("03-daemon-threads#exercise"))
    func everyWaiterIsWoken() {
        let runtime = ThreadRuntime()
        let gate = CountdownLatch(1)
        defer { gate.countDown() }
        runtime.spawn { _ = gate.wait(within: untilLetGo) }
        let waiters = 4
        let returned = Shared(0)
        let waiting = startThreads(waiters, name: "waiter") { _ in
            runtime.waitForNonDaemonThreads()
            returned.update { $0 += 1 }
        }
        #expect(
            !waiting.join(within: stillWaitingWindow),
            "\(returned.current) of \(waiters) waiters returned while a non-daemon thread was still running")
        gate.countDown()
        #expect(
            waiting.join(within: promptly),
            "only \(returned.current) of \(waiters) threads waiting in waitForNonDaemonThreads() returned within \(Int(promptly)) s of the last non-daemon thread's end: wake every waiter (broadcast, not signal)"
        )
    }

    @Test(
        "waitForNonDaemonThreads also waits for non-daemon threads spawned while it waits",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitWaitsForNestedThreads() {
        let runtime = ThreadRuntime()
        let parentGate = CountdownLatch(1)
        let childGate = CountdownLatch(1)
        defer { parentGate.countDown(); childGate.countDown() }
        runtime.spawn {
            _ = parentGate.wait(within: untilLetGo)
            runtime.spawn { _ = childGate.wait(within: untilLetGo) }
        }
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while a non-daemon thread was running")
        parentGate.countDown()  // the parent now spawns a child and ends
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while a non-daemon thread spawned by another one was still running")
        childGate.countDown()
        #expect(
            waiter.join(within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the last non-daemon thread finished")
    }

    @Test(
        "a thread's kind is the one it is spawned with: a daemon spawned by a non-daemon thread is not waited for, a non-daemon spawned by a daemon thread is",
        .teaches("03-daemon-threads#exercise"))
    func kindIsNotInheritedFromTheSpawningThread() {
        let runtime = ThreadRuntime()
        let daemonChildGate = CountdownLatch(1)
        let nonDaemonChildGate = CountdownLatch(1)
        defer { daemonChildGate.countDown(); nonDaemonChildGate.countDown() }
        let spawned = CountdownLatch(2)
        runtime.spawn {
            runtime.spawn(daemon: true) { _ = daemonChildGate.wait(within: untilLetGo) }
            spawned.countDown()
        }
        runtime.spawn(daemon: true) {
            runtime.spawn { _ = nonDaemonChildGate.wait(within: untilLetGo) }
            spawned.countDown()
        }
        #expect(spawned.wait(within: promptly), "the two parent threads did not both run within \(Int(promptly)) s")
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned while a non-daemon thread spawned by a daemon thread was running: spawn(daemon: false) makes a non-daemon thread whoever calls it"
        )
        nonDaemonChildGate.countDown()
        #expect(
            waiter.join(within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after every non-daemon thread finished, while a daemon thread spawned by a non-daemon thread still ran: spawn(daemon: true) makes a daemon thread whoever calls it"
        )
    }

    @Test(
        "daemon threads that finish before the non-daemon ones do not end the wait",
        .teaches("03-daemon-threads#exercise"))
    func daemonThreadsFinishingFirst() throws {
        let runtime = ThreadRuntime()
        let gate = CountdownLatch(1)
        defer { gate.countDown() }
        runtime.spawn { _ = gate.wait(within: untilLetGo) }
        let daemons = 3
        let daemonsDone = CountdownLatch(daemons)
        for _ in 0..<daemons {
            runtime.spawn(daemon: true) { daemonsDone.countDown() }
        }
        let waiter = startThread { runtime.waitForNonDaemonThreads() }
        try #require(daemonsDone.wait(within: promptly), "the \(daemons) daemon threads did not run within \(Int(promptly)) s")
        #expect(
            !waiter.join(within: stillWaitingWindow),
            "waitForNonDaemonThreads() returned when \(daemons) daemon threads had finished although a non-daemon thread was still running: a daemon thread's end must not change the count"
        )
        #expect(
            runtime.liveNonDaemonCount == 1,
            "with one non-daemon thread running and \(daemons) daemon threads finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 1"
        )
        gate.countDown()
        #expect(
            waiter.join(within: promptly),
            "waitForNonDaemonThreads() was still waiting \(Int(promptly)) s after the last non-daemon thread finished")
        #expect(
            eventually(within: promptly) { runtime.liveNonDaemonCount == 0 },
            "after every thread finished, liveNonDaemonCount was \(runtime.liveNonDaemonCount), not 0")
    }

    @Test(
        "a non-daemon thread spawned just before the wait is counted at once and waited for, round after round",
        .teaches("03-daemon-threads#waiting-on-purpose-non-daemon-threads"))
    func waitSeesThreadSpawnedJustBefore() {
        // Even rounds hold the new thread at a gate until the count has been
        // read (so it cannot have finished, however loaded the machine);
        // odd rounds wait right after spawn returns.
        let runtime = ThreadRuntime()
        let uncounted = Shared(0)
        let earlyReturns = Shared(0)
        let rounds = 20
        let tester = startThread {
            for round in 0..<rounds {
                let gate = CountdownLatch(round.isMultiple(of: 2) ? 1 : 0)
                let finished = Shared(false)
                runtime.spawn {
                    _ = gate.wait(within: untilLetGo)
                    Thread.sleep(forTimeInterval: 0.01)
                    finished.update { $0 = true }
                }
                if round.isMultiple(of: 2) {
                    if runtime.liveNonDaemonCount < 1 { uncounted.update { $0 += 1 } }
                    gate.countDown()
                }
                runtime.waitForNonDaemonThreads()
                if !finished.current { earlyReturns.update { $0 += 1 } }
            }
        }
        #expect(tester.join(within: promptly), "spawning and waiting \(rounds) times did not finish within \(Int(promptly)) s")
        #expect(
            uncounted.current == 0,
            "in \(uncounted.current) of \(rounds / 2) rounds liveNonDaemonCount was 0 right after spawn returned, while the new thread was held at a gate: count the thread in spawn, before it starts"
        )
        #expect(
            earlyReturns.current == 0,
            "in \(earlyReturns.current) of \(rounds) rounds waitForNonDaemonThreads() returned before a thread spawned just before the call had finished: count the thread in spawn, before it starts"
        )
    }
}
