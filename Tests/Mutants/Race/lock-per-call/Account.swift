// Mutant: the lock is a computed property, so each call locks a new NSLock of its own and nothing is excluded.
import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: @unchecked Sendable {
    private var lock: NSLock { NSLock() }   // a new lock each time it is read
    private var storedBalance: Int   // shared by every caller

    public init(balance: Int = 0) {
        storedBalance = balance
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        lock.withLock {
            var temp = storedBalance
            sched_yield()
            temp += amount
            storedBalance = temp
        }
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        lock.withLock {
            var temp = storedBalance
            sched_yield()
            temp -= amount
            storedBalance = temp
        }
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            lock.withLock { storedBalance }
        }
    }
}
