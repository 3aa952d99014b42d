// Mutant: a spin lock on an atomic owner with `.relaxed` ordering: exclusion holds, but relaxed atomics order nothing else, so what one holder wrote need not be visible to the next (only ThreadSanitizer sees it)
import Foundation
import Synchronization

/// A mistake in using a `Lock`, reported by `unlock()`.
public enum LockError: Error, Equatable {
    /// `unlock()` was called while no thread held the lock.
    case notLocked
    /// `unlock()` was called by a thread that does not hold the lock.
    case notOwner
}

/// A non-recursive mutual-exclusion lock: a spin lock on an atomic owner.
public final class Lock: Sendable {
    /// The id of the thread that holds the lock, or 0 when it is free.
    private let owner = Atomic<UInt>(0)

    public init() {}

    private var me: UInt { UInt(pthread_self()) }

    /// Acquires the lock, waiting for as long as another thread holds it.
    public func lock() {
        while !tryLock() { sched_yield() }
    }

    /// Acquires the lock if it is free; never waits.
    /// - Returns: whether the lock was acquired.
    public func tryLock() -> Bool {
        owner.compareExchange(expected: 0, desired: me, ordering: .relaxed).exchanged
    }

    /// Acquires the lock, waiting at most until `limit`.
    /// - Returns: `true` if the lock was acquired, `false` if `limit` passed
    ///   while another thread still held it.
    public func lock(before limit: Date) -> Bool {
        while !tryLock() {
            if Date() >= limit { return false }
            sched_yield()
        }
        return true
    }

    /// Releases the lock.
    /// - Throws: `LockError.notLocked` if no thread holds the lock,
    ///   `LockError.notOwner` if another thread holds it.
    public func unlock() throws(LockError) {
        let holder = owner.load(ordering: .relaxed)
        guard holder != 0 else { throw .notLocked }
        guard holder == me else { throw .notOwner }
        owner.store(0, ordering: .relaxed)
    }

    /// Runs `body` while holding the lock, and releases the lock when `body`
    /// returns or throws.
    /// - Returns: what `body` returns.
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { try? unlock() }
        return try body()
    }
}
