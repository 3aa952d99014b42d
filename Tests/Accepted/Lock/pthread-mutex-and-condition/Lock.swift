// Accepted: a POSIX mutex and condition variable used directly, with the deadline turned into a timespec for pthread_cond_timedwait
import Foundation

/// A mistake in using a `Lock`, reported by `unlock()`.
public enum LockError: Error, Equatable {
    /// `unlock()` was called while no thread held the lock.
    case notLocked
    /// `unlock()` was called by a thread that does not hold the lock.
    case notOwner
}

/// A non-recursive mutual-exclusion lock built on a pthread mutex and condition.
public final class Lock: @unchecked Sendable {
    // `owner` is guarded by `mutex`; `changed` is signalled when the lock is freed.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var owner: pthread_t?

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)   // CLOCK_REALTIME, like Date
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    public func lock() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while owner != nil {
            pthread_cond_wait(changed, mutex)
        }
        owner = pthread_self()
    }

    public func tryLock() -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard owner == nil else { return false }
        owner = pthread_self()
        return true
    }

    public func lock(before limit: Date) -> Bool {
        let seconds = limit.timeIntervalSince1970
        var deadline = timespec(tv_sec: Int(seconds.rounded(.down)),
                                tv_nsec: Int((seconds - seconds.rounded(.down)) * 1_000_000_000))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while owner != nil {
            if pthread_cond_timedwait(changed, mutex, &deadline) == ETIMEDOUT, owner != nil {
                return false
            }
        }
        owner = pthread_self()
        return true
    }

    public func unlock() throws(LockError) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard let holder = owner else { throw .notLocked }
        guard pthread_equal(holder, pthread_self()) != 0 else { throw .notOwner }
        owner = nil
        pthread_cond_signal(changed)
    }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { try? unlock() }
        return try body()
    }
}
