// Accepted: the balance in a `Synchronization.Mutex<Int>` named in full (the
// ThreadSanitizer lane must still see it as a lock), read and changed in one
// withLock each.
import Foundation
import Synchronization

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: Sendable {
    private let ledger: Synchronization.Mutex<Int>

    public init(balance: Int = 0) {
        ledger = Synchronization.Mutex<Int>(balance)
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        change(by: amount)
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        change(by: -amount)
    }

    /// The balance right now.
    public var balance: Int {
        get async { ledger.withLock { $0 } }
    }

    private func change(by amount: Int) {
        ledger.withLock { balance in
            let before = balance
            sched_yield()
            balance = before + amount
        }
    }
}
