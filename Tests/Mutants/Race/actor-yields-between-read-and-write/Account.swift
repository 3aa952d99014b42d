// Mutant: an actor whose methods await Task.yield() between the read and the write instead of sched_yield(): the await is a suspension point, another call runs on the actor in between (reentrancy), and its update is overwritten.
import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
public actor Account {
    private var storedBalance: Int   // shared by every caller

    public init(balance: Int = 0) {
        storedBalance = balance
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        var temp = storedBalance
        await Task.yield()
        temp += amount
        storedBalance = temp
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        var temp = storedBalance
        await Task.yield()
        temp -= amount
        storedBalance = temp
    }

    /// The balance right now.
    public var balance: Int {
        storedBalance
    }
}
