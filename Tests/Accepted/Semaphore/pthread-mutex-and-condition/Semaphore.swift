// Accepted: a POSIX mutex and condition variable used directly, with the deadline turned into a timespec for pthread_cond_timedwait
import Foundation

/// What a semaphore can report about its misuse.
public enum SemaphoreError: Error, Equatable {
    /// A release would have raised the count above the starting permits.
    case overRelease
}

/// A counting semaphore built on a pthread mutex and condition.
public final class CountingSemaphore: @unchecked Sendable {
    // `permits` is guarded by `mutex`; `released` is signalled for each permit given back.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let released = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var permits: Int

    public init(permits: Int) {
        precondition(permits >= 0, "a semaphore cannot start with negative permits")
        self.permits = permits
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(released, nil)
    }

    deinit {
        pthread_cond_destroy(released)
        pthread_mutex_destroy(mutex)
        released.deallocate()
        mutex.deallocate()
    }

    public func acquire() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while permits == 0 { pthread_cond_wait(released, mutex) }
        permits -= 1
    }

    public func release() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        permits += 1
        pthread_cond_signal(released)
    }

    public func tryAcquire(timeout: Double) -> Bool {
        let end = Date(timeIntervalSinceNow: timeout).timeIntervalSince1970
        var deadline = timespec(tv_sec: Int(end.rounded(.down)), tv_nsec: Int((end - end.rounded(.down)) * 1_000_000_000))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while permits == 0 {
            if pthread_cond_timedwait(released, mutex, &deadline) == ETIMEDOUT { break }
        }
        guard permits > 0 else { return false }
        permits -= 1
        return true
    }

    public func withPermit<T>(_ body: () throws -> T) rethrows -> T {
        acquire()
        defer { release() }
        return try body()
    }

    fileprivate func release(upTo limit: Int) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard permits < limit else { return false }
        permits += 1
        pthread_cond_signal(released)
        return true
    }
}

/// A counting semaphore that refuses to be released more often than it was
/// acquired, like Python's `BoundedSemaphore`.
public final class BoundedSemaphore: Sendable {
    private let semaphore: CountingSemaphore
    private let limit: Int

    public init(permits: Int) {
        semaphore = CountingSemaphore(permits: permits)
        limit = permits
    }

    public func acquire() { semaphore.acquire() }

    public func tryAcquire(timeout: Double) -> Bool {
        semaphore.tryAcquire(timeout: timeout)
    }

    public func release() throws {
        guard semaphore.release(upTo: limit) else {
            throw SemaphoreError.overRelease
        }
    }
}
