// Accepted: a DispatchSemaphore with one permit does the waiting (it hands the permit to a waiter, so nobody barges); an atomic remembers the owner for the misuse checks
import Dispatch
import Foundation
import Synchronization

/// A mistake in using a `Lock`, reported by `unlock()`.
public enum LockError: Error, Equatable {
    /// `unlock()` was called while no thread held the lock.
    case notLocked
    /// `unlock()` was called by a thread that does not hold the lock.
    case notOwner
}

/// A non-recursive mutual-exclusion lock built on a DispatchSemaphore.
public final class Lock: Sendable {
    private let permit: DispatchSemaphore
    /// The id of the thread holding the lock, 0 when free; set only by the
    /// thread that got the permit, cleared only by that thread.
    private let owner = Atomic<UInt>(0)

    public init() {
        // Created with 0 and signalled once: libdispatch traps when a
        // semaphore is destroyed below its starting value, and a lock may be
        // destroyed while held.
        permit = DispatchSemaphore(value: 0)
        permit.signal()
    }

    private var me: UInt { UInt(pthread_self()) }

    public func lock() {
        permit.wait()
        owner.store(me, ordering: .releasing)
    }

    public func tryLock() -> Bool {
        guard permit.wait(timeout: .now()) == .success else { return false }
        owner.store(me, ordering: .releasing)
        return true
    }

    public func lock(before limit: Date) -> Bool {
        guard permit.wait(wallTimeout: .now() + limit.timeIntervalSinceNow) == .success else { return false }
        owner.store(me, ordering: .releasing)
        return true
    }

    public func unlock() throws(LockError) {
        let holder = owner.load(ordering: .acquiring)
        guard holder != 0 else { throw .notLocked }
        guard holder == me else { throw .notOwner }
        owner.store(0, ordering: .releasing)
        permit.signal()
    }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { try? unlock() }
        return try body()
    }
}
