// Accepted: Synchronization.Mutex guarding nothing but the right to touch the value.
import Foundation
import Synchronization

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let mutex = Mutex(())
    private var value: Value   // touched only inside `mutex.withLock`

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        try mutex.withLock { _ in try body(&value) }
    }
}
