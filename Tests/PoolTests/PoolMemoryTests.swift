#if SOLUTIONS
import PoolSolution
#else
import PoolExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

/// Memory with no protection of its own: only the pool orders the jobs'
/// writes before the reads of the thread that shut the pool down.
final class Results: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<Int>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: -1)
    }

    deinit { slots.deallocate() }
}

/// Accesses only ThreadSanitizer can judge.
extension PoolTests {
    @Test(
        "what the jobs wrote is seen whole by the thread that returns from shutdown(), and a submit racing the shutdown is ordered by the pool's lock: no data race",
        .teaches("09-a-worker-pool#shutdown-stop-drain-join"))
    func shutdownOrdersTheJobsWrites() throws {
        // Nothing but the pool orders a job's write before the test's read:
        // no other lock or atomic touches the slots, so under
        // ThreadSanitizer a join that does not synchronize is reported.
        let jobs = 200
        let pool = WorkerPool(threads: 3, capacity: 4)
        defer { tearDown(pool) }
        let results = Results(count: jobs)
        let allAccepted = try promptlyOnThread("submit() of \(jobs) short jobs, then shutdown(),") { () -> Bool in
            for index in 0..<jobs {
                guard (try? pool.submit { results.slots[index] = index * index }) != nil else { return false }
            }
            pool.shutdown()
            return true
        }
        try #require(allAccepted, "submit() threw on a pool that was not shut down")
        let wrong = (0..<jobs).filter { results.slots[$0] != $0 * $0 }
        #expect(
            wrong.isEmpty,
            """
            after shutdown() returned, \(wrong.count) of \(jobs) jobs' results were missing or wrong: shutdown() \
            returns only when every accepted job has run
            """)

        // A submitter that never has to wait, submitting until the shutdown
        // stops it. It paces itself, so it is still submitting when
        // shutdown() comes, and its first submit after that must learn of it
        // through the pool's lock.
        let open = WorkerPool(threads: 2, capacity: 10_000)
        defer { tearDown(open) }
        let accepted = Atomic<Int>(0), ran = Atomic<Int>(0)
        let late = startThread(name: "late-submitter") {
            let stop = Date(timeIntervalSinceNow: untilLetGo)
            while Date() < stop {
                guard (try? open.submit { ran.add(1, ordering: .relaxed) }) != nil else { return }
                accepted.add(1, ordering: .relaxed)
                Thread.sleep(forTimeInterval: 0.0002)
            }
        }
        try #require(
            eventually(within: promptly) { ran.load(ordering: .relaxed) >= 20 },
            "20 jobs submitted to a pool with room for 10,000 had not run after \(Int(promptly)) s")
        _ = try promptlyOnThread("shutdown() while a thread kept submitting short jobs") { open.shutdown() }
        try #require(late.join(within: promptly), "a submitter kept submitting for \(Int(promptly)) s after shutdown() returned")
        #expect(
            ran.load(ordering: .relaxed) == accepted.load(ordering: .relaxed),
            """
            \(accepted.load(ordering: .relaxed)) submits returned before the shutdown stopped the submitter, but \
            \(ran.load(ordering: .relaxed)) jobs ran: every accepted job must run before shutdown() returns
            """)
    }
}
