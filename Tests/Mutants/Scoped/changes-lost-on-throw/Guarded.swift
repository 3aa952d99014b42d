// Mutant: the body runs on a copy that is written back only when it returns normally, so changes made before a throw are thrown away.
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
        defer { lock.unlock() }
        var copy = value
        let result = try body(&copy)
        value = copy
        return result
    }
}
