#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw `pthread_mutex_t` with default attributes: the floor every other
/// lock in the benchmarks is compared with.
public final class PThreadMutex: @unchecked Sendable {
    // The mutex lives at a stable heap address: a pthread mutex must never move.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(mutex, nil)
        precondition(status == 0, "pthread_mutex_init failed: \(status)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    @inline(__always) public func lock() { pthread_mutex_lock(mutex) }

    @inline(__always) public func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` while holding the mutex.
    @inline(__always) public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}
