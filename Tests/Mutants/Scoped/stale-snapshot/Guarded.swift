// Mutant: the value is read before the lock is taken; the body then runs on that stale snapshot, which overwrites updates made in between.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        var snapshot = value   // read without the lock
        lock.lock()
        defer { lock.unlock() }
        let result = try body(&snapshot)
        value = snapshot
        return result
    }
}
