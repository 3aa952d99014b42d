// Accepted: the queue, the flag and the count of running workers live in a Synchronization.Mutex; workers, submitters and shutdown() poll it, sleeping a little longer after each empty look, instead of waiting on a condition
import Foundation
import Synchronization

/// Why a pool refused a job.
public enum PoolError: Error, Equatable {
    /// The pool is shut down: it accepts no more jobs.
    case shutDown
}

/// A fixed team of worker threads fed through a bounded queue.
public final class WorkerPool: Sendable {
    public let threadCount: Int
    public let capacity: Int

    private struct State {
        var jobs: [@Sendable () -> Void] = []
        var isShutDown = false
        var runningWorkers = 0
    }

    private let state = Mutex(State())

    public init(threads: Int, capacity: Int) {
        precondition(threads > 0 && capacity > 0)
        threadCount = threads
        self.capacity = capacity
        state.withLock { $0.runningWorkers = threads }
        for _ in 0..<threads {
            Thread { [self] in work() }.start()
        }
    }

    /// Sleeps between polls: 50 µs at first, doubling up to 2 ms.
    private struct Backoff {
        var microseconds: UInt32 = 50
        mutating func pause() {
            usleep(microseconds)
            microseconds = min(microseconds * 2, 2_000)
        }
    }

    public func submit(_ job: @escaping @Sendable () -> Void) throws(PoolError) {
        var backoff = Backoff()
        while true {
            let attempt: Bool? = state.withLock { state in
                if state.isShutDown { return false }
                guard state.jobs.count < capacity else { return nil }
                state.jobs.append(job)
                return true
            }
            switch attempt {
            case true?: return
            case false?: throw .shutDown
            case nil: backoff.pause()
            }
        }
    }

    private func work() {
        var backoff = Backoff()
        while true {
            let next: (job: (@Sendable () -> Void)?, end: Bool) = state.withLock { state in
                if !state.jobs.isEmpty { return (state.jobs.removeFirst(), false) }
                if state.isShutDown {
                    state.runningWorkers -= 1
                    return (nil, true)
                }
                return (nil, false)
            }
            if next.end { return }
            if let job = next.job {
                job()
                backoff = Backoff()
            } else {
                backoff.pause()
            }
        }
    }

    public func shutdown() {
        state.withLock { $0.isShutDown = true }
        var backoff = Backoff()
        while state.withLock({ $0.runningWorkers > 0 }) {
            backoff.pause()
        }
    }
}
