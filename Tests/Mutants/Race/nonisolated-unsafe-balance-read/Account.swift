// Mutant: an actor whose balance is nonisolated(unsafe) storage read by a nonisolated getter (to skip the actor hop): a data race with the actor's writes that only ThreadSanitizer reports.
import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
public actor Account {
    // Unsafe so that the nonisolated getter below can read it without a hop.
    nonisolated(unsafe) private var storedBalance: Int

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
    public nonisolated var balance: Int {
        get async {
            storedBalance
        }
    }
}
