// Mutant: the lock is a `lazy var`, made on first use without synchronization: threads that call withLock at once race to create it (each may get a lock of its own), a data race that ThreadSanitizer reports.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private lazy var lock = NSLock()
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    /// The lock is released however `body` ends, including by throwing;
    /// changes `body` made before throwing are kept.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
