import Foundation

/// Runs blocking jobs (each waits on child processes) on dedicated threads,
/// at most `limit` at a time, and returns their results in the jobs' order.
///
/// Dedicated threads, not Dispatch's pool or tasks: the jobs block for
/// seconds at a time, and must not starve anything else of a thread.
func runConcurrently<Result: Sendable>(
    _ jobs: [@Sendable () throws -> Result],
    atMost limit: Int
) throws -> [Result] {
    let results = Shared([Int: Swift.Result<Result, any Error>]())
    let slots = DispatchSemaphore(value: max(1, limit))
    let finished = DispatchGroup()
    for (index, job) in jobs.enumerated() {
        slots.wait()
        finished.enter()
        Thread.detachNewThread {
            let outcome = Swift.Result { try job() }
            results.update { $0[index] = outcome }
            slots.signal()
            finished.leave()
        }
    }
    finished.wait()
    let collected = results.value
    return try jobs.indices.map { try collected[$0]!.get() }
}

/// Runs blocking jobs like ``runConcurrently(_:atMost:)``, and hands each
/// result to `handle`, on the calling thread and in the jobs' order, as soon
/// as it and every job before it are done. A slow job holds back only the
/// handling of the results after it, never the start of the jobs after it.
func runConcurrently<Result: Sendable>(
    _ jobs: [@Sendable () throws -> Result],
    atMost limit: Int,
    inOrder handle: (Int, Result) throws -> Void
) throws {
    let finished = FinishedJobs<Result>()
    let slots = DispatchSemaphore(value: max(1, limit))
    Thread.detachNewThread {
        for (index, job) in jobs.enumerated() {
            slots.wait()
            Thread.detachNewThread {
                let outcome = Swift.Result { try job() }
                finished.condition.lock()
                finished.results[index] = outcome
                finished.condition.broadcast()
                finished.condition.unlock()
                slots.signal()
            }
        }
    }
    for index in jobs.indices {
        finished.condition.lock()
        while finished.results[index] == nil { finished.condition.wait() }
        let outcome = finished.results.removeValue(forKey: index)!
        finished.condition.unlock()
        try handle(index, try outcome.get())
    }
}

/// Results of jobs as they finish, for the thread that waits for them in order.
private final class FinishedJobs<Result: Sendable>: @unchecked Sendable {
    // `results` is guarded by `condition`.
    let condition = NSCondition()
    var results: [Int: Swift.Result<Result, any Error>] = [:]
}
