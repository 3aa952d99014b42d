// Accepted: a pthread mutex per value (allocated once, destroyed in deinit), locked with defer; ids from an atomic counter.
import Foundation
import Synchronization

private let lastID = Atomic(0)   // the last id handed out

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    /// This value's place in the global lock order.
    public let id: Int
    // A pthread_mutex_t must not move once initialised, so it lives in
    // memory of its own rather than in a stored property.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var value: Value   // guarded by `mutex`

    public init(_ value: Value) {
        id = lastID.add(1, ordering: .sequentiallyConsistent).newValue
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
    public func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
