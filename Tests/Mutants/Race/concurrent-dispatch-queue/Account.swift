// Mutant: a DispatchQueue made with attributes: .concurrent, so queue.sync runs the read-yield-write cycles of different callers at the same time.
import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: @unchecked Sendable {
    private let queue = DispatchQueue(label: "account", attributes: .concurrent)
    private var storedBalance: Int   // shared by every caller

    public init(balance: Int = 0) {
        storedBalance = balance
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        queue.sync {
            var temp = storedBalance
            sched_yield()
            temp += amount
            storedBalance = temp
        }
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        queue.sync {
            var temp = storedBalance
            sched_yield()
            temp -= amount
            storedBalance = temp
        }
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            queue.sync { storedBalance }
        }
    }
}
