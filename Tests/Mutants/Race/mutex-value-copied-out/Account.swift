// Mutant: a Mutex<Int>, but the balance is copied out in one withLock and written back in another, so updates made in between are lost.
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
        var temp = storedBalance.withLock { $0 }
        sched_yield()
        temp += amount
        storedBalance.withLock { $0 = temp }
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        var temp = storedBalance.withLock { $0 }
        sched_yield()
        temp -= amount
        storedBalance.withLock { $0 = temp }
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            storedBalance.withLock { $0 }
        }
    }
}
