// Accepted: one Thread per job and a countdown latch made of an NSCondition, which also guards the results.
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

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// The results so far and how many jobs are still running, both guarded
/// by `condition`; the last job to finish wakes the waiter.
private final class Countdown<T: Sendable>: @unchecked Sendable {
    let condition = NSCondition()
    var remaining: Int
    var results: [T?]

    init(_ count: Int) {
        remaining = count
        results = Array(repeating: nil, count: count)
    }
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    let state = Countdown<T>(jobs.count)
    for (index, job) in jobs.enumerated() {
        Thread {
            let value = job()
            state.condition.lock()
            state.results[index] = value
            state.remaining -= 1
            if state.remaining == 0 { state.condition.broadcast() }
            state.condition.unlock()
        }.start()
    }
    state.condition.lock()
    defer { state.condition.unlock() }
    while state.remaining > 0 { state.condition.wait() }
    return state.results.map { $0! }
}
