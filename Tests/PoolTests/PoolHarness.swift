#if SOLUTIONS
import PoolSolution
#else
import PoolExercise
#endif
import CourseSupport
import Foundation
import Testing

/// What a submit did, in words: "returned" or "threw PoolError.shutDown".
func outcome(of submit: () throws(PoolError) -> Void) -> String {
    do {
        try submit()
        return "returned"
    } catch {
        return error == .shutDown ? "threw PoolError.shutDown" : "threw \(error)"
    }
}

/// Submits `jobs` in order on a thread of its own: each must be accepted
/// at once (the test makes sure there is room).
func submitPromptly(
    _ jobs: [@Sendable () -> Void],
    to pool: WorkerPool,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let outcomes = try promptlyOnThread(
        "submit() of \(jobs.count) jobs into a pool with room for them",
        sourceLocation: sourceLocation
    ) {
        jobs.map { job in outcome(of: { () throws(PoolError) in try pool.submit(job) }) }
    }
    let refused = outcomes.filter { $0 != "returned" }
    try #require(
        refused.isEmpty, "submit() on a pool that was not shut down \(refused.first ?? "")",
        sourceLocation: sourceLocation)
}

/// Calls `shutdown()` on a thread of its own and returns that thread, so a
/// test can see whether (and when) it returns.
func startShutdown(_ pool: WorkerPool, name: String = "shutdown") -> ThreadGroup {
    startThread(name: name) { pool.shutdown() }
}

/// Jobs that record what they do and wait at a gate the test opens, one
/// permit per job, so the test decides when each job ends.
final class JobGate: Sendable {
    let occupancy = Occupancy()
    private let permits = DispatchSemaphore(value: 0)
    private let startedLabels = Shared<[Int]>([])
    private let finishedLabels = Shared<[Int]>([])
    private let threads = Shared<[Int32]>([])

    /// A job labelled `label`: it counts itself inside, records its start
    /// and its thread, waits for a permit, and records its end.
    func job(_ label: Int) -> @Sendable () -> Void {
        { [self] in
            occupancy.enter()
            let thread = currentThreadID
            threads.update { $0.append(thread) }
            startedLabels.update { $0.append(label) }
            _ = permits.wait(timeout: .now() + untilLetGo)
            occupancy.leave()
            finishedLabels.update { $0.append(label) }
        }
    }

    /// A job that does not wait: it records its start, its thread and its end.
    func quickJob(_ label: Int) -> @Sendable () -> Void {
        { [self] in
            occupancy.enter()
            let thread = currentThreadID
            threads.update { $0.append(thread) }
            startedLabels.update { $0.append(label) }
            occupancy.leave()
            finishedLabels.update { $0.append(label) }
        }
    }

    /// Lets `count` waiting jobs (or jobs still to come) end.
    func release(_ count: Int = 1) {
        for _ in 0..<count { permits.signal() }
    }

    /// Lets every job end, now and later.
    func releaseAll() { release(1_000) }

    var started: [Int] { startedLabels.current }
    var finished: [Int] { finishedLabels.current }
    var threadIDs: [Int32] { threads.current }

    /// Whether at least `count` jobs have started within `seconds`.
    func haveStarted(_ count: Int, within seconds: Double = promptly) -> Bool {
        eventually(within: seconds) { startedLabels.current.count >= count }
    }

    /// Whether at least `count` jobs have finished within `seconds`.
    func haveFinished(_ count: Int, within seconds: Double = promptly) -> Bool {
        eventually(within: seconds) { finishedLabels.current.count >= count }
    }
}

/// Ends a test's pool however the test went: opens the gate and shuts the
/// pool down on a thread of its own, waiting for it `promptly` at most (a
/// pool whose shutdown hangs is abandoned, not waited for).
func tearDown(_ pool: WorkerPool, _ gate: JobGate? = nil) {
    gate?.releaseAll()
    startShutdown(pool, name: "tear-down").join(within: promptly)
}

/// Starts `count` threads that each submit one job (made by `job` from the
/// thread's index) and record how the submit ended in `outcomes`; each
/// thread's kernel id goes to `threadIDs` first, so the test can see it
/// blocked.
func startSubmitters(
    _ count: Int,
    to pool: WorkerPool,
    outcomes: Shared<[String]>,
    threadIDs: Shared<[Int32]>,
    job: @escaping @Sendable (Int) -> @Sendable () -> Void
) -> ThreadGroup {
    startThreads(count, name: "submitter") { index in
        let id = currentThreadID
        threadIDs.update { $0.append(id) }
        let result = outcome(of: { () throws(PoolError) in try pool.submit(job(index)) })
        outcomes.update { $0.append(result) }
    }
}

/// Whether every thread in `threadIDs` (once there are `count`) is seen
/// blocked in the kernel within `seconds`.
func allBlocked(_ threadIDs: Shared<[Int32]>, count: Int, within seconds: Double = promptly) -> Bool {
    guard eventually(within: seconds, { threadIDs.current.count == count }) else { return false }
    return threadIDs.current.allSatisfy { isBlocked(threadID: $0, within: seconds) }
}
