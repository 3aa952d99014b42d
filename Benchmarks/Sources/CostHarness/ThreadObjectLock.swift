import Foundation

/// The reference `Lock` of lesson 2, but naming its owner with
/// `Thread.current` instead of `pthread_self()`: measured beside the
/// reference to show what looking up the Foundation thread object costs.
public final class ThreadObjectLock: @unchecked Sendable {
    private let condition = NSCondition()
    /// The thread that holds the lock; guarded by `condition`.
    private var owner: Thread?

    public init() {}

    public func lock() {
        condition.lock()
        defer { condition.unlock() }
        while owner != nil {
            condition.wait()
        }
        owner = Thread.current
    }

    public func unlock() {
        condition.lock()
        defer { condition.unlock() }
        guard let holder = owner, holder === Thread.current else {
            preconditionFailure("unlock() by a thread that does not hold the lock")
        }
        owner = nil
        condition.signal()
    }
}
