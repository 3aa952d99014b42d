// Accepted: NSRecursiveLock, so the same thread may even nest withLock on one value.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var value: Value   // guarded by `lock`

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
