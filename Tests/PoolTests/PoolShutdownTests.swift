#if SOLUTIONS
import PoolSolution
#else
import PoolExercise
#endif
import CourseSupport
import Foundation
import Testing

/// Shutting a pool down: what it still runs, what it refuses, whom it
/// wakes, and when it returns.
extension PoolTests {
    @Test(
        "shutdown() lets every accepted job run, then submit() throws PoolError.shutDown; shutdown() returns only after the last job",
        .teaches("09-a-worker-pool#shutdown-stop-drain-join"))
    func shutdownDrainsThenRejects() throws {
        let threads = 2, capacity = 6
        let pool = WorkerPool(threads: threads, capacity: capacity)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        try submitPromptly((0..<threads).map(gate.job), to: pool)
        try #require(
            gate.haveStarted(threads),
            "\(threads) jobs submitted to an idle pool of \(threads) threads had not started after \(Int(promptly)) s")
        try submitPromptly((threads..<threads + 4).map(gate.job), to: pool)
        let shutter = startShutdown(pool)

        // Submit until the pool refuses; what it accepts meanwhile must run too.
        let accepted = Shared(0)
        let lastOutcome = try promptlyOnThread("submit() on a pool being shut down, until it threw,") { () -> String in
            var result = "returned"
            for label in 100..<120 {
                result = outcome(of: { () throws(PoolError) in try pool.submit(gate.job(label)) })
                if result != "returned" { break }
                accepted.update { $0 += 1 }
            }
            return result
        }
        try #require(
            lastOutcome == "threw PoolError.shutDown",
            """
            while shutdown() ran, submit() \(lastOutcome == "returned" ? "still returned after 20 jobs (\(threads) running, room for \(capacity))" : lastOutcome) \
            instead of throwing PoolError.shutDown: a shut-down pool accepts no more jobs
            """)
        Thread.sleep(forTimeInterval: 0.05)
        try #require(
            !shutter.isFinished,
            """
            shutdown() returned while \(threads) jobs were still running and \(4 + accepted.current) waited: it must \
            return only when every accepted job has run and the workers have ended
            """)
        gate.releaseAll()
        try #require(
            shutter.join(within: promptly),
            """
            shutdown() had not returned \(Int(promptly)) s after the last job was let go: when the queue is drained, \
            every worker must end, and shutdown() must be woken when the last one does
            """)
        let total = threads + 4 + accepted.current
        #expect(
            gate.finished.count == total,
            """
            shutdown() returned when \(gate.finished.count) of \(total) accepted jobs had run: every job accepted \
            before the shutdown runs, and shutdown() waits for them
            """)
        let late = try promptlyOnThread("submit() after shutdown() returned") {
            outcome(of: { () throws(PoolError) in try pool.submit(gate.quickJob(999)) })
        }
        #expect(late == "threw PoolError.shutDown", "submit() after shutdown() \(late) instead of throwing PoolError.shutDown")
        Thread.sleep(forTimeInterval: 0.05)
        #expect(!gate.started.contains(999), "a job submitted after shutdown() ran")
    }

    @Test(
        "shutdown() wakes every submitter waiting for room, each throws PoolError.shutDown, and their jobs never run",
        .teaches("09-a-worker-pool#shutdown-stop-drain-join"))
    func shutdownWakesWaitingSubmitters() throws {
        let submitters = 3
        let pool = WorkerPool(threads: 1, capacity: 1)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        try submitPromptly([gate.job(0)], to: pool)
        try #require(gate.haveStarted(1), "a job submitted to an idle pool had not started after \(Int(promptly)) s")
        try submitPromptly([gate.job(1)], to: pool)
        let outcomes = Shared<[String]>([]), threadIDs = Shared<[Int32]>([])
        let waiting = startSubmitters(submitters, to: pool, outcomes: outcomes, threadIDs: threadIDs) { index in
            gate.job(10 + index)
        }
        defer { gate.releaseAll(); waiting.join(within: promptly) }
        try #require(
            allBlocked(threadIDs, count: submitters) && outcomes.current.isEmpty,
            """
            with its one thread busy and its one slot taken, submit() \(outcomes.current.first ?? "did not block") \
            instead of waiting for room
            """)
        let shutter = startShutdown(pool)
        #expect(
            waiting.join(within: promptly),
            """
            after shutdown(), \(submitters - outcomes.current.count) of \(submitters) submitters waiting for room were \
            still waiting \(Int(promptly)) s later: shutdown() must wake every waiting thread (broadcast), and a \
            submitter must stop waiting once the pool is shut down
            """)
        #expect(
            outcomes.current.count == submitters && outcomes.current.allSatisfy { $0 == "threw PoolError.shutDown" },
            """
            submitters waiting when the pool was shut down: \(outcomes.current.joined(separator: ", ")); each must \
            throw PoolError.shutDown
            """)
        #expect(!shutter.isFinished, "shutdown() returned while a job was still running")
        gate.releaseAll()
        try #require(shutter.join(within: promptly), "shutdown() had not returned \(Int(promptly)) s after the last job was let go")
        #expect(
            gate.started == [0, 1],
            """
            a pool shut down with job 0 running and job 1 waiting ran \(gate.started): the accepted jobs run, and the \
            jobs of submitters refused at the shutdown never do
            """)
    }

    @Test(
        "shutdown() waits for a job that runs for seconds, with no time limit of its own",
        .teaches("09-a-worker-pool#shutdown-stop-drain-join"))
    func shutdownWaitsForALongJob() throws {
        let pool = WorkerPool(threads: 2, capacity: 2)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        try submitPromptly([gate.job(0)], to: pool)
        try #require(gate.haveStarted(1), "a job submitted to an idle pool had not started after \(Int(promptly)) s")
        let finishedAtReturn = Shared<Int?>(nil)
        let shutter = startThread(name: "shutdown") {
            pool.shutdown()
            finishedAtReturn.update { $0 = gate.finished.count }
        }
        let start = Date()
        let early = shutter.join(within: 3.5)
        try #require(
            !early,
            """
            shutdown() returned after \(String(format: "%.1f", Date().timeIntervalSince(start))) s while a job was \
            still running: it must wait as long as the jobs take, with no safety timeout
            """)
        gate.releaseAll()
        try #require(shutter.join(within: promptly), "shutdown() had not returned \(Int(promptly)) s after the long job ended")
        #expect(finishedAtReturn.current == 1, "shutdown() returned before the long job had ended")
    }

    @Test(
        "shutdown() called from several threads at once, and again later, returns in each only after the workers have ended",
        .teaches("09-a-worker-pool#shutdown-stop-drain-join"))
    func shutdownIsIdempotent() throws {
        let callers = 3
        let pool = WorkerPool(threads: 1, capacity: 2)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        try submitPromptly([gate.job(0)], to: pool)
        try #require(gate.haveStarted(1), "a job submitted to an idle pool had not started after \(Int(promptly)) s")
        let threadIDs = Shared<[Int32]>([])
        let returned = Shared(0)
        let shutters = startThreads(callers, name: "shutdown") { _ in
            let id = currentThreadID
            threadIDs.update { $0.append(id) }
            pool.shutdown()
            returned.update { $0 += 1 }
        }
        defer { gate.releaseAll(); shutters.join(within: promptly) }
        let blocked = allBlocked(threadIDs, count: callers)
        try #require(
            returned.current == 0 && blocked,
            """
            \(returned.current) of \(callers) calls to shutdown() from different threads returned while a job was \
            still running: each must wait until the workers have ended
            """)
        gate.releaseAll()
        #expect(
            shutters.join(within: promptly),
            """
            \(callers - returned.current) of \(callers) calls to shutdown() made at once were still waiting \
            \(Int(promptly)) s after the last job ended: the last worker to end must wake every waiting shutdown() \
            (broadcast)
            """)
        #expect(gate.finished == [0], "the running job had not ended when shutdown() returned")
        _ = try promptlyOnThread("shutdown() on a pool already shut down") { pool.shutdown() }
    }

    @Test(
        "a pool that never got a job shuts down promptly, and a pool whose workers are all idle too; then submit() throws",
        .teaches("09-a-worker-pool#shutdown-stop-drain-join"))
    func idlePoolsShutDown() throws {
        let unused = WorkerPool(threads: 3, capacity: 2)
        defer { tearDown(unused) }
        _ = try promptlyOnThread("shutdown() on a pool of 3 threads that never got a job") { unused.shutdown() }

        let idle = WorkerPool(threads: 3, capacity: 2)
        let gate = JobGate()
        defer { tearDown(idle, gate) }
        try submitPromptly((1...2).map(gate.quickJob), to: idle)
        try #require(gate.haveFinished(2), "of 2 jobs submitted to an idle pool, \(gate.finished.count) had run after \(Int(promptly)) s")
        Thread.sleep(forTimeInterval: 0.02)  // every worker waits for a job
        _ = try promptlyOnThread("shutdown() on a pool of 3 idle threads") { idle.shutdown() }
        let refused = try promptlyOnThread("submit() on a shut-down pool") {
            [unused, idle].map { pool in outcome(of: { () throws(PoolError) in try pool.submit(gate.quickJob(99)) }) }
        }
        #expect(
            refused == ["threw PoolError.shutDown", "threw PoolError.shutDown"],
            """
            submit() on shut-down pools: \(refused.joined(separator: ", ")); each must throw PoolError.shutDown
            """)
    }
}
