// Accepted: two semaphores count the free slots and the waiting jobs, an NSLock guards the queue and the flag, and a DispatchGroup joins the workers; a refused submitter passes its wake-up on to the next
import Foundation

/// Why a pool refused a job.
public enum PoolError: Error, Equatable {
    /// The pool is shut down: it accepts no more jobs.
    case shutDown
}

/// A fixed team of worker threads fed through a bounded queue.
public final class WorkerPool: @unchecked Sendable {
    public let threadCount: Int
    public let capacity: Int

    // `jobs` and `isShutDown` are guarded by `lock`.
    private let lock = NSLock()
    private var jobs: [@Sendable () -> Void] = []
    private var isShutDown = false

    /// One permit per free slot in the queue.
    private let freeSlots: DispatchSemaphore
    /// One permit per job in the queue, plus one per worker once shut down.
    private let waitingJobs = DispatchSemaphore(value: 0)
    /// Entered once per worker, left when the worker ends.
    private let workers = DispatchGroup()

    public init(threads: Int, capacity: Int) {
        precondition(threads > 0 && capacity > 0)
        threadCount = threads
        self.capacity = capacity
        freeSlots = DispatchSemaphore(value: capacity)
        for _ in 0..<threads {
            workers.enter()
            Thread { [self] in
                while let job = nextJob() { job() }
                workers.leave()
            }.start()
        }
    }

    public func submit(_ job: @escaping @Sendable () -> Void) throws(PoolError) {
        if lock.withLock({ isShutDown }) { throw .shutDown }
        freeSlots.wait()
        let accepted = lock.withLock {
            guard !isShutDown else { return false }
            jobs.append(job)
            return true
        }
        guard accepted else {
            freeSlots.signal()          // pass the wake-up on to the next waiting submitter
            throw .shutDown
        }
        waitingJobs.signal()
    }

    private func nextJob() -> (@Sendable () -> Void)? {
        waitingJobs.wait()
        let job: (@Sendable () -> Void)? = lock.withLock { jobs.isEmpty ? nil : jobs.removeFirst() }
        if job != nil { freeSlots.signal() }
        return job                       // nil: shut down, and no job left
    }

    public func shutdown() {
        let first = lock.withLock { () -> Bool in
            defer { isShutDown = true }
            return !isShutDown
        }
        if first {
            for _ in 0..<threadCount { waitingJobs.signal() }   // one "no more jobs" per worker
            freeSlots.signal()                                  // wakes the first waiting submitter
        }
        workers.wait()
    }
}
