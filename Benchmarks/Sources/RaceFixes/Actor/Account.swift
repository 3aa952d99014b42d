// Copied from the race exercise's fix in the "Actor" style, unchanged: one of the fixes the benchmark compares.

import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
/// The actor runs one of its methods at a time, so each read-modify-write
/// finishes before the next begins.
public actor Account {
    private var storedBalance: Int

    public init(balance: Int = 0) {
        storedBalance = balance
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) {
        var temp = storedBalance
        sched_yield()
        temp += amount
        storedBalance = temp
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) {
        var temp = storedBalance
        sched_yield()
        temp -= amount
        storedBalance = temp
    }

    /// The balance right now.
    public var balance: Int { storedBalance }
}
