// Mutant: no synchronization at all (the racy stub): concurrent read-yield-write cycles overwrite each other.
import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: @unchecked Sendable {
    private var storedBalance: Int

    public init(balance: Int = 0) {
        storedBalance = balance
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        var temp = storedBalance
        sched_yield()
        temp += amount
        storedBalance = temp
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        var temp = storedBalance
        sched_yield()
        temp -= amount
        storedBalance = temp
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            storedBalance
        }
    }
}
