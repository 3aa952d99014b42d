// Accepted: a DispatchSemaphore per job, waited for in order, and the results in a Synchronization.Mutex.
import Foundation
import Synchronization

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

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    let results = Mutex<[Int: T]>([:])
    var done: [DispatchSemaphore] = []
    for (index, job) in jobs.enumerated() {
        let finished = DispatchSemaphore(value: 0)
        done.append(finished)
        Thread {
            let value = job()
            results.withLock { $0[index] = value }
            finished.signal()
        }.start()
    }
    for finished in done { finished.wait() }
    return results.withLock { stored in jobs.indices.map { stored[$0]! } }
}
