// Mutant: deposit takes the lock but withdraw does not, so a withdrawal can overwrite a deposit made during its read-yield-write.
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
        var temp = lock.withLock { storedBalance }
        sched_yield()
        temp -= amount
        lock.withLock { storedBalance = temp }
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            lock.withLock { storedBalance }
        }
    }
}
