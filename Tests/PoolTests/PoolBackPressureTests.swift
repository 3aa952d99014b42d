#if SOLUTIONS
import PoolSolution
#else
import PoolExercise
#endif
import CourseSupport
import Foundation
import Testing

/// A full queue: submitters wait, and each job a worker takes lets one in.
extension PoolTests {
    @Test(
        "submit() waits while `capacity` jobs wait, and each job a worker takes lets exactly one of several waiting submitters in",
        .teaches("09-a-worker-pool#back-pressure-a-bounded-queue-of-jobs"))
    func submitWaitsWhileFull() throws {
        let capacity = 2, submitters = 3
        let pool = WorkerPool(threads: 1, capacity: capacity)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        try submitPromptly([gate.job(0)], to: pool)
        try #require(gate.haveStarted(1), "a job submitted to an idle pool had not started after \(Int(promptly)) s")
        try submitPromptly((1...capacity).map(gate.job), to: pool)

        let outcomes = Shared<[String]>([]), threadIDs = Shared<[Int32]>([])
        let waiting = startSubmitters(submitters, to: pool, outcomes: outcomes, threadIDs: threadIDs) { index in
            gate.job(10 + index)
        }
        defer { gate.releaseAll(); waiting.join(within: promptly) }
        Thread.sleep(forTimeInterval: 0.1)
        try #require(
            outcomes.current.isEmpty,
            """
            with its one thread busy and \(capacity) jobs waiting in a pool with room for \(capacity), \
            \(outcomes.current.count) of \(submitters) more submit() calls returned instead of waiting for room
            """)
        for admitted in 1...submitters {
            gate.release()  // the running job ends; the worker takes the next
            try #require(
                eventually(within: promptly) { outcomes.current.count >= admitted },
                """
                after the worker took \(admitted) waiting jobs from a full queue, only \(outcomes.current.count) of \
                \(submitters) submitters waiting for room had gone on within \(Int(promptly)) s: taking a job must \
                wake the submitters waiting for room
                """)
            Thread.sleep(forTimeInterval: 0.05)
            try #require(
                outcomes.current.count == admitted,
                """
                after the worker took \(admitted) waiting jobs from a full queue, \(outcomes.current.count) waiting \
                submitters had gone on: each job taken makes room for exactly one, so the queue held more than its \
                capacity of \(capacity)
                """)
        }
        #expect(outcomes.current.allSatisfy { $0 == "returned" }, "waiting submitters: \(outcomes.current)")
        gate.releaseAll()
        #expect(
            gate.haveFinished(1 + capacity + submitters),
            """
            of \(1 + capacity + submitters) jobs accepted, \(gate.finished.count) had run after \(Int(promptly)) s
            """)
        #expect(
            Array(gate.started.prefix(3)) == [0, 1, 2] && gate.started.count == 6,
            "jobs started in the order \(gate.started): the oldest waiting job runs first")
    }

    @Test(
        "many submitters released together: every job runs exactly once, and a burst never gets more than `capacity` jobs ahead",
        .teaches("09-a-worker-pool#back-pressure-a-bounded-queue-of-jobs"))
    func everyJobRunsOnce() throws {
        let threads = 2, capacity = 2, submitters = 4, perSubmitter = 100
        let pool = WorkerPool(threads: threads, capacity: capacity)
        defer { tearDown(pool) }
        let ran = Shared<[Int]>([])
        let accepted = Shared(0)
        let mostAhead = Shared(0)
        let refused = Shared<[String]>([])
        let group = startThreads(submitters, name: "submitter") { index in
            for serial in 0..<perSubmitter {
                let label = index * 1_000 + serial
                let result = outcome(of: { () throws(PoolError) in
                    try pool.submit { ran.update { $0.append(label) } }
                })
                guard result == "returned" else { refused.update { $0.append(result) }; return }
                // Accepted jobs minus jobs that have run: at most what waits
                // plus what runs (a job counts as run once it has appended).
                let ahead =
                    accepted.update { (count: inout Int) -> Int in
                        count += 1; return count
                    } - ran.current.count
                mostAhead.update { $0 = max($0, ahead) }
            }
        }
        try #require(
            group.join(within: 2 * promptly),
            """
            \(submitters) threads submitting \(perSubmitter) short jobs each to a pool of \(threads) threads had not \
            finished after \(Int(2 * promptly)) s (\(ran.current.count) jobs had run): a lost wake-up?
            """)
        #expect(refused.current.isEmpty, "submit() on a pool that was not shut down \(refused.current.first ?? "")")
        let all = (0..<submitters).flatMap { index in (0..<perSubmitter).map { index * 1_000 + $0 } }
        #expect(
            eventually(within: promptly) { ran.current.count >= all.count },
            """
            of \(all.count) jobs accepted, \(ran.current.count) had run \(Int(promptly)) s after the last submit
            """)
        #expect(
            ran.current.sorted() == all,
            """
            \(ran.current.count) jobs ran, \(Set(ran.current).count) of them different, of \(all.count) accepted: every \
            job must run exactly once
            """)
        #expect(
            mostAhead.current <= capacity + threads,
            """
            at one moment \(mostAhead.current) accepted jobs had not yet run in a pool of \(threads) threads with room \
            for \(capacity): submit() must wait while the queue is full
            """)
    }
}
