// Mutant: unlock() clears the owner before checking who called it, so an unlock() by the wrong thread throws notOwner but has already freed the lock
import Foundation

/// A mistake in using a `Lock`, reported by `unlock()`.
public enum LockError: Error, Equatable {
    /// `unlock()` was called while no thread held the lock.
    case notLocked
    /// `unlock()` was called by a thread that does not hold the lock.
    case notOwner
}

/// A non-recursive mutual-exclusion lock built on `NSCondition`.
public final class Lock: @unchecked Sendable {
    // `owner` is guarded by `condition`: read and write it only between
    // `condition.lock()` and `condition.unlock()`.
    private let condition = NSCondition()
    /// The id of the thread that holds the lock, or `nil` when it is free.
    private var owner: pthread_t?

    public init() {}


    /// Acquires the lock, waiting for as long as another thread holds it.
    public func lock() {
        condition.lock()
        defer { condition.unlock() }
        while owner != nil {
            condition.wait()
        }
        owner = pthread_self()
    }

    /// Acquires the lock if it is free; never waits.
    /// - Returns: whether the lock was acquired.
    public func tryLock() -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if owner != nil { return false }
        owner = pthread_self()
        return true
    }


    /// Acquires the lock, waiting at most until `limit`.
    /// - Returns: `true` if the lock was acquired, `false` if `limit` passed
    ///   while another thread still held it.
    public func lock(before limit: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while owner != nil {
            if !condition.wait(until: limit), owner != nil {
                return false
            }
        }
        owner = pthread_self()
        return true
    }


    /// Releases the lock and wakes one thread waiting for it.
    /// - Throws: `LockError.notLocked` if no thread holds the lock,
    ///   `LockError.notOwner` if another thread holds it.
    public func unlock() throws(LockError) {
        condition.lock()
        defer { condition.unlock() }
        let holder = owner
        owner = nil
        condition.signal()
        guard let holder else { throw .notLocked }
        guard pthread_equal(holder, pthread_self()) != 0 else { throw .notOwner }
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
