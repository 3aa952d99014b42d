// Mutant: a DispatchSemaphore used as the lock, made with value 2 as in the lesson's withPermit example, so two threads are inside at once.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let permits = DispatchSemaphore(value: 2)
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    /// The lock is released however `body` ends, including by throwing;
    /// changes `body` made before throwing are kept.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        permits.wait()
        defer { permits.signal() }
        return try body(&value)
    }
}
