// Accepted: Synchronization.Mutex guarding the right to touch the value; ids from an atomic counter; a try-lock for transfer's back-off.
import Foundation
import Synchronization

private let lastID = Atomic(0)   // the last id handed out

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    /// This value's place in the global lock order.
    public let id: Int
    private let mutex = Mutex(())
    private var value: Value   // touched only inside `mutex.withLock` or `withLockIfAvailable`

    public init(_ value: Value) {
        id = lastID.add(1, ordering: .sequentiallyConsistent).newValue
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        try mutex.withLock { (_: inout Void) throws(E) -> R in try body(&value) }
    }

    /// Runs `body` as `withLock` does if the lock is free now; `nil` if not.
    func withLockIfAvailable<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R? {
        try mutex.withLockIfAvailable { (_: inout Void) throws(E) -> R in try body(&value) }
    }
}
