// Accepted: a pthread mutex with three condition variables, one per kind of waiter (workers wait for a job, submitters for room, shutdown() for the workers), each woken with a broadcast of its own
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

    // `jobs`, `isShutDown` and `runningWorkers` are guarded by `mutex`.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let jobArrived = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let slotFreed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let workerEnded = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [@Sendable () -> Void] = []
    private var isShutDown = false
    private var runningWorkers: Int

    public init(threads: Int, capacity: Int) {
        precondition(threads > 0 && capacity > 0)
        threadCount = threads
        self.capacity = capacity
        runningWorkers = threads
        pthread_mutex_init(mutex, nil)
        for condition in [jobArrived, slotFreed, workerEnded] { pthread_cond_init(condition, nil) }
        for _ in 0..<threads {
            Thread { [self] in work() }.start()
        }
    }

    deinit {
        for condition in [jobArrived, slotFreed, workerEnded] {
            pthread_cond_destroy(condition)
            condition.deallocate()
        }
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    public func submit(_ job: @escaping @Sendable () -> Void) throws(PoolError) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while jobs.count >= capacity && !isShutDown {
            pthread_cond_wait(slotFreed, mutex)
        }
        if isShutDown { throw .shutDown }
        jobs.append(job)
        pthread_cond_signal(jobArrived)            // only workers wait here: one job, one worker
    }

    private func work() {
        while true {
            pthread_mutex_lock(mutex)
            while jobs.isEmpty && !isShutDown {
                pthread_cond_wait(jobArrived, mutex)
            }
            if jobs.isEmpty {
                runningWorkers -= 1
                pthread_cond_broadcast(workerEnded)
                pthread_mutex_unlock(mutex)
                return
            }
            let job = jobs.removeFirst()
            pthread_cond_signal(slotFreed)         // only submitters wait here: one slot, one submitter
            pthread_mutex_unlock(mutex)
            job()
        }
    }

    public func shutdown() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        isShutDown = true
        pthread_cond_broadcast(jobArrived)
        pthread_cond_broadcast(slotFreed)
        while runningWorkers > 0 {
            pthread_cond_wait(workerEnded, mutex)
        }
    }
}
