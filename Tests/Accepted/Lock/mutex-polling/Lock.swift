// Accepted: the owner lives in a Synchronization.Mutex; lock() and lock(before:) poll it, sleeping a little between looks, instead of waiting on a condition
import Foundation
import Synchronization

/// A mistake in using a `Lock`, reported by `unlock()`.
public enum LockError: Error, Equatable {
    /// `unlock()` was called while no thread held the lock.
    case notLocked
    /// `unlock()` was called by a thread that does not hold the lock.
    case notOwner
}

/// A non-recursive mutual-exclusion lock that polls a Mutex-guarded owner.
public final class Lock: Sendable {
    private let owner = Mutex<pthread_t?>(nil)

    public init() {}

    public func lock() {
        while !tryLock() { usleep(100) }
    }

    public func tryLock() -> Bool {
        owner.withLock { owner in
            guard owner == nil else { return false }
            owner = pthread_self()
            return true
        }
    }

    public func lock(before limit: Date) -> Bool {
        while !tryLock() {
            let left = limit.timeIntervalSinceNow
            guard left > 0 else { return false }
            usleep(UInt32(min(left, 0.0001) * 1_000_000) + 1)
        }
        return true
    }

    public func unlock() throws(LockError) {
        let problem: LockError? = owner.withLock { owner in
            guard let holder = owner else { return .notLocked }
            guard pthread_equal(holder, pthread_self()) != 0 else { return .notOwner }
            owner = nil
            return nil
        }
        if let problem { throw problem }
    }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { try? unlock() }
        return try body()
    }
}
