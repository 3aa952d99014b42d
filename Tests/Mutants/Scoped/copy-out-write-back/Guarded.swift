// Mutant: the value is copied out under the lock, the body runs on the copy without the lock, and the copy is written back afterwards.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        var copy = value
        lock.unlock()
        let result = try body(&copy)
        lock.lock()
        value = copy
        lock.unlock()
        return result
    }
}
