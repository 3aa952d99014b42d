#if SOLUTIONS
import PoolSolution
#else
import PoolExercise
#endif
import CourseSupport
import Foundation
import Testing

@Suite("Worker pool")
struct PoolTests {
    @Test(
        "all of a pool's threads run jobs at the same time, and never more jobs run at once than it has threads",
        .teaches("09-a-worker-pool#run-the-job-outside-the-lock"))
    func runsAsManyJobsAsThreads() throws {
        let threads = 3
        let pool = WorkerPool(threads: threads, capacity: 8)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        try submitPromptly((1...5).map(gate.job), to: pool)
        try #require(
            gate.haveStarted(threads),
            """
            \(gate.started.count) of 5 jobs submitted to a pool of \(threads) threads had started after \
            \(Int(promptly)) s, while the others waited: each worker must run a job of its own at the same time, \
            so run the job outside the pool's lock
            """)
        Thread.sleep(forTimeInterval: 0.1)
        try #require(
            gate.started.count == threads && gate.occupancy.maximum <= threads,
            """
            \(gate.occupancy.maximum) jobs ran at once in a pool of \(threads) threads: a pool runs at most one job \
            per worker thread
            """)
        gate.release()
        try #require(
            gate.haveStarted(threads + 1),
            """
            when one of \(threads) running jobs ended, the next waiting job had not started \(Int(promptly)) s later: \
            a worker that ends a job must take the next one
            """)
        Thread.sleep(forTimeInterval: 0.05)
        #expect(
            gate.started.count == threads + 1,
            """
            when one of \(threads) running jobs ended, \(gate.started.count - threads) more jobs started: the pool \
            ran more jobs at once than it has threads
            """)
        gate.releaseAll()
        #expect(gate.haveFinished(5), "of 5 jobs let go, only \(gate.finished.count) had ended after \(Int(promptly)) s")
        #expect(gate.occupancy.maximum <= threads, "\(gate.occupancy.maximum) jobs ran at once in a pool of \(threads) threads")
    }

    @Test(
        "the jobs run on exactly as many threads as the pool has, the same ones job after job, not a new thread per job",
        .teaches("09-a-worker-pool#why-not-a-thread-per-job"))
    func reusesItsThreads() throws {
        let threads = 3
        let pool = WorkerPool(threads: threads, capacity: 8)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        var rounds: [Set<Int32>] = []
        for round in 0..<2 {
            let before = gate.threadIDs.count
            try submitPromptly((0..<threads).map { gate.job(round * 10 + $0) }, to: pool)
            try #require(
                gate.haveStarted(before + threads),
                """
                (round \(round + 1)) \(gate.started.count - before) of \(threads) jobs submitted to an idle pool of \
                \(threads) threads had started after \(Int(promptly)) s: every worker must take a job
                """)
            rounds.append(Set(gate.threadIDs[before...]))
            gate.release(threads)
            try #require(gate.haveFinished(before + threads), "(round \(round + 1)) jobs let go had not ended after \(Int(promptly)) s")
        }
        #expect(rounds[0].count == threads, "\(threads) jobs running at once ran on \(rounds[0].count) threads")
        #expect(
            rounds[1] == rounds[0],
            """
            two rounds of \(threads) jobs ran on \(rounds[0].union(rounds[1]).count) different threads: a pool starts \
            its \(threads) threads once, and they run job after job (no new thread per job)
            """)
        let before = gate.threadIDs.count
        try submitPromptly((100..<108).map(gate.quickJob), to: pool)
        try #require(gate.haveFinished(before + 8), "8 short jobs had not all run after \(Int(promptly)) s")
        let all = Set(gate.threadIDs)
        #expect(
            all.count == threads,
            """
            \(before + 8) jobs in a pool of \(threads) threads ran on \(all.count) different threads: every job must \
            run on one of the pool's own threads
            """)
    }

    @Test(
        "a pool with one thread starts its jobs in the order they were submitted",
        .teaches("09-a-worker-pool#back-pressure-a-bounded-queue-of-jobs"))
    func firstInFirstOut() throws {
        let pool = WorkerPool(threads: 1, capacity: 10)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        try submitPromptly([gate.job(0)], to: pool)
        try #require(gate.haveStarted(1), "a job submitted to an idle pool had not started after \(Int(promptly)) s")
        try submitPromptly((1...8).map(gate.quickJob), to: pool)
        gate.release()
        try #require(gate.haveFinished(9), "of 9 jobs submitted, \(gate.finished.count) had run after \(Int(promptly)) s")
        #expect(
            gate.started == Array(0...8),
            """
            jobs submitted as 0, 1, ..., 8 to a pool of one thread started as \(gate.started): the oldest waiting \
            job runs first
            """)
    }

    @Test(
        "the workers keep waiting for jobs through idle times: after several jobs one at a time, all of them still run jobs at once",
        .teaches("05-producer-consumer#waiting-for-a-condition-in-a-loop"))
    func workersOutlastIdleTimes() throws {
        // Each lone job wakes every idle worker (a broadcast) and only one
        // gets it: the others must wait again, not end.
        let threads = 3
        let pool = WorkerPool(threads: threads, capacity: 4)
        let gate = JobGate()
        defer { tearDown(pool, gate) }
        for label in 1...4 {
            try submitPromptly([gate.quickJob(label)], to: pool)
            try #require(
                gate.haveFinished(label),
                """
                the job submitted as number \(label), alone, to an idle pool of \(threads) threads had not run after \
                \(Int(promptly)) s: a worker that finds no job must wait for one, not end
                """)
            Thread.sleep(forTimeInterval: 0.02)  // every worker idle again
        }
        try submitPromptly((10..<10 + threads).map(gate.job), to: pool)
        #expect(
            gate.haveStarted(4 + threads),
            """
            after 4 jobs one at a time, only \(gate.started.count - 4) of \(threads) jobs submitted together had \
            started \(Int(promptly)) s later: a worker woken when another had already taken the job must wait again \
            (in a `while` loop), not end
            """)
    }

    @Test(
        "a job can submit another job when there is room, and both run",
        .teaches("09-a-worker-pool#run-the-job-outside-the-lock"))
    func jobSubmitsAJob() throws {
        let pool = WorkerPool(threads: 1, capacity: 2)
        defer { tearDown(pool) }
        let results = Shared<[String]>([])
        try submitPromptly(
            [
                {
                    let submitted = outcome(of: { () throws(PoolError) in
                        try pool.submit { results.update { $0.append("inner job ran") } }
                    })
                    results.update { $0.append("outer job's submit() \(submitted)") }
                }
            ], to: pool)
        #expect(
            eventually(within: promptly) { results.current.count == 2 },
            """
            a job that submitted another job to its own pool (with room) gave \(results.current) after \
            \(Int(promptly)) s: a worker must not hold the pool's lock while it runs a job
            """)
        #expect(
            results.current == ["outer job's submit() returned", "inner job ran"],
            "a job that submitted another job to its own pool gave \(results.current)")
    }
}
