// Mutant: runs each job in a detached Task, on the small cooperative pool instead of a thread of its own
import Foundation

/// One slot per job, filled by the job's thread. A lock guards `slots`,
/// so any number of threads may call `store` at the same time.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    /// The values stored so far, in slot order (empty slots are skipped).
    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}


/// Runs every job on a new thread of its own, all at the same time, waits
/// until all of them have finished, and returns their results in the order
/// of `jobs`.
public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    let results = ResultSlots<T>(count: jobs.count)
    let finished = DispatchSemaphore(value: 0)
    for (index, job) in jobs.enumerated() {
        Task.detached {
            results.store(job(), at: index)
            finished.signal()
        }
    }
    for _ in jobs { finished.wait() }
    return results.values()
}
