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
