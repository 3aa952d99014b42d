// Mutant: an Atomic<Int>, but deposit and withdraw load, yield and store instead of one atomic add: each access is atomic, the read-modify-write is not.
import Foundation
import Synchronization

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: Sendable {
    private let storedBalance: Atomic<Int>

    public init(balance: Int = 0) {
        storedBalance = Atomic(balance)
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        let temp = storedBalance.load(ordering: .sequentiallyConsistent)
        sched_yield()
        storedBalance.store(temp + amount, ordering: .sequentiallyConsistent)
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        let temp = storedBalance.load(ordering: .sequentiallyConsistent)
        sched_yield()
        storedBalance.store(temp - amount, ordering: .sequentiallyConsistent)
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            storedBalance.load(ordering: .sequentiallyConsistent)
        }
    }
}
