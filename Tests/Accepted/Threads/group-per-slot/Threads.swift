// Accepted: the reference's DispatchGroup, but each thread writes only its own slot of a buffer, read after the wait.
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

/// A buffer that outlives the threads writing it; slot `i` belongs to job `i`.
private final class Slots<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }
    deinit {
        _ = buffer.update(repeating: nil)
        buffer.deallocate()
    }
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    let slots = Slots<T>(count: jobs.count)
    let finished = DispatchGroup()
    for (index, job) in jobs.enumerated() {
        finished.enter()
        Thread {
            slots.buffer[index] = job()  // this thread's slot only
            finished.leave()
        }.start()
    }
    finished.wait()  // orders every thread's write before the reads below
    return slots.buffer.map { $0! }
}
