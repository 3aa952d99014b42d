// Mutant: every Guarded shares one global lock, so a withLock inside another Guarded's withLock waits for itself forever.
import Foundation

/// One lock for every Guarded value.
private let sharedLock = NSLock()

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    /// The lock is released however `body` ends, including by throwing;
    /// changes `body` made before throwing are kept.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        sharedLock.lock()
        defer { sharedLock.unlock() }
        return try body(&value)
    }
}
