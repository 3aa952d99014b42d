// Mutant: withLock waits at most a second for the lock, then runs the body anyway (the result of lock(before:) is ignored), so a long holder is no longer alone.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    /// The lock is released however `body` ends, including by throwing;
    /// changes `body` made before throwing are kept.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        // Never wait forever: after a second, go ahead.
        let locked = lock.lock(before: Date(timeIntervalSinceNow: 1))
        defer { if locked { lock.unlock() } }
        return try body(&value)
    }
}
