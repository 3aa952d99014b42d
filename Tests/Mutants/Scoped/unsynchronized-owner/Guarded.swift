// Mutant: a hand-made reentrant lock: the owning thread is kept in a plain variable read without the lock (so that a nested call on the same thread can skip locking), a data race that ThreadSanitizer reports.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var owner: pthread_t?   // read without the lock
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    /// The lock is released however `body` ends, including by throwing;
    /// changes `body` made before throwing are kept.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        let me = pthread_self()
        if let owner, pthread_equal(owner, me) != 0 {
            return try body(&value)   // nested call on the owning thread
        }
        lock.lock()
        owner = me
        defer {
            owner = nil
            lock.unlock()
        }
        return try body(&value)
    }
}
