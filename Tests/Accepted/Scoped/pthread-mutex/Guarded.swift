// Accepted: a pthread mutex (allocated once per value, destroyed in deinit), locked with defer.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    // A pthread_mutex_t must not move once initialised, so it lives in
    // memory of its own rather than in a stored property.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value   // guarded by `mutex`

    public init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
