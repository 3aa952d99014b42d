// Mutant: runs the jobs on a pool of as many threads as the machine has cores, each taking the next job in turn
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
    let finished = DispatchGroup()
    let next = NextJob(0)
    let workers = min(jobs.count, ProcessInfo.processInfo.activeProcessorCount)
    for _ in 0..<workers {
        finished.enter()
        Thread {
            while let index = next.take(below: jobs.count) {
                results.store(jobs[index](), at: index)
            }
            finished.leave()
        }.start()
    }
    finished.wait()
    return results.values()
}

/// The index of the next job to run, shared by the workers.
private final class NextJob: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ value: Int) { self.value = value }

    /// Takes the next index, or `nil` once `limit` is reached.
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
