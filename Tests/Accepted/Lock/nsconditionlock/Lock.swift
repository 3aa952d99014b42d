// Accepted: an NSConditionLock whose condition says whether the lock is free (0) or held (1); every wait on it has a finite deadline (Foundation on Linux traps on the distant-future one that its plain lock() uses)
import Foundation

/// A mistake in using a `Lock`, reported by `unlock()`.
public enum LockError: Error, Equatable {
    /// `unlock()` was called while no thread held the lock.
    case notLocked
    /// `unlock()` was called by a thread that does not hold the lock.
    case notOwner
}

/// A non-recursive mutual-exclusion lock built on NSConditionLock.
public final class Lock: @unchecked Sendable {
    private static let free = 0, held = 1
    // `owner` is read and written only while holding `state`.
    private let state = NSConditionLock(condition: Lock.free)
    private var owner: pthread_t?

    public init() {}

    /// An hour from now: long enough to mean "no deadline", short enough for Foundation.
    private var anHourFromNow: Date { Date(timeIntervalSinceNow: 3600) }

    public func lock() {
        while !state.lock(whenCondition: Lock.free, before: anHourFromNow) {}
        owner = pthread_self()
        state.unlock(withCondition: Lock.held)
    }

    public func tryLock() -> Bool {
        guard state.tryLock(whenCondition: Lock.free) else { return false }
        owner = pthread_self()
        state.unlock(withCondition: Lock.held)
        return true
    }

    public func lock(before limit: Date) -> Bool {
        guard state.lock(whenCondition: Lock.free, before: limit) else { return false }
        owner = pthread_self()
        state.unlock(withCondition: Lock.held)
        return true
    }

    public func unlock() throws(LockError) {
        while !state.lock(before: anHourFromNow) {}
        guard let holder = owner else {
            state.unlock()
            throw .notLocked
        }
        guard pthread_equal(holder, pthread_self()) != 0 else {
            state.unlock()
            throw .notOwner
        }
        owner = nil
        state.unlock(withCondition: Lock.free)
    }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { try? unlock() }
        return try body()
    }
}
