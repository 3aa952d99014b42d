// Accepted: the waiting jobs live in a fixed ring buffer (a head index and a count, no array that shifts), guarded by one NSCondition; the workers are joined with one semaphore signal each, collected by one shutdown() at a time
import Foundation

/// Why a pool refused a job.
public enum PoolError: Error, Equatable {
    /// The pool is shut down: it accepts no more jobs.
    case shutDown
}

/// A fixed team of worker threads fed through a bounded ring buffer.
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int
    public let capacity: Int

    // `slots`, `head`, `count` and `isShutDown` are guarded by `condition`.
    private let condition = NSCondition()
    private var slots: [(@Sendable () -> Void)?]
    private var head = 0
    private var count = 0
    private var isShutDown = false

    /// Signalled once by each worker as it ends; `shutdown()` waits for all of
    /// them and gives the signals back, so that every caller sees them.
    private let ended = DispatchSemaphore(value: 0)
    /// Lets one `shutdown()` at a time collect the signals, so that two
    /// callers never hold part of them each.
    private let joining = NSLock()

    public init(threads: Int, capacity: Int) {
        precondition(threads > 0 && capacity > 0)
        threadCount = threads
        self.capacity = capacity
        slots = Array(repeating: nil, count: capacity)
        for _ in 0..<threads {
            Thread { [self] in
                while let job = take() { job() }
                ended.signal()
            }.start()
        }
    }

    public func submit(_ job: @escaping @Sendable () -> Void) throws(PoolError) {
        condition.lock()
        defer { condition.unlock() }
        while count == capacity && !isShutDown { condition.wait() }
        if isShutDown { throw .shutDown }
        slots[(head + count) % capacity] = job
        count += 1
        condition.broadcast()
    }

    private func take() -> (@Sendable () -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !isShutDown { condition.wait() }
        guard count > 0 else { return nil }
        let job = slots[head]
        slots[head] = nil
        head = (head + 1) % capacity
        count -= 1
        condition.broadcast()
        return job
    }

    public func shutdown() {
        condition.withLock {
            isShutDown = true
            condition.broadcast()
        }
        // Take every worker's "ended", then put them all back for the next caller.
        joining.withLock {
            for _ in 0..<threadCount { ended.wait() }
            for _ in 0..<threadCount { ended.signal() }
        }
    }
}
