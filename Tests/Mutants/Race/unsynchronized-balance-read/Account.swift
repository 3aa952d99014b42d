// Mutant: the balance getter reads the stored value without the lock: a data race that only ThreadSanitizer reports (an Int read is not torn on x86_64).
import Foundation

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var storedBalance: Int   // guarded by `lock`

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
            storedBalance
        }
    }
}
