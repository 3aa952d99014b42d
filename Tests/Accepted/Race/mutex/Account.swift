// Accepted: Synchronization.Mutex around the balance; each read-yield-write runs inside withLock.
import Foundation
import Synchronization

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: Sendable {
    private let storedBalance: Mutex<Int>

    public init(balance: Int = 0) {
        storedBalance = Mutex(balance)
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        storedBalance.withLock { balance in
            var temp = balance
            sched_yield()
            temp += amount
            balance = temp
        }
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        storedBalance.withLock { balance in
            var temp = balance
            sched_yield()
            temp -= amount
            balance = temp
        }
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            storedBalance.withLock { $0 }
        }
    }
}
