// Mutant: withdraw first reads the balance (through the locked getter), then sets the balance from that reading inside the lock: a check-then-act in two steps, so a deposit made in between is overwritten.
import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: @unchecked Sendable {
    private let lock = NSLock()   // guards `storedBalance`
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
        let funds = await balance   // check what is there...
        sched_yield()
        lock.withLock {
            storedBalance = funds - amount   // ...then act on it
        }
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            lock.withLock { storedBalance }
        }
    }
}
