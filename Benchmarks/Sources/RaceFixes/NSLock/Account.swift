// Copied from the race exercise's fix in the "NSLock" style, unchanged: one of the fixes the benchmark compares.

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
