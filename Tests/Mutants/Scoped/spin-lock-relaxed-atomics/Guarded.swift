// Mutant: a spin lock on an Atomic<Bool> with relaxed orderings: it excludes, but orders nothing, so one body's writes are not guaranteed visible to the next: ThreadSanitizer reports the race.
import Foundation
import Synchronization

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let locked = Atomic<Bool>(false)
    private var value: Value   // guarded by the lock; touched only inside withLock

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    /// The lock is released however `body` ends, including by throwing;
    /// changes `body` made before throwing are kept.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        while !locked.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged {
            sched_yield()
        }
        defer { locked.store(false, ordering: .relaxed) }
        return try body(&value)
    }
}
