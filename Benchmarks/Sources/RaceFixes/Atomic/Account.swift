// Copied from the race exercise's fix in the "Atomic" style, unchanged: one of the fixes the benchmark compares.

import Foundation
import Synchronization

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: Sendable {
    // An atomic add reads, adds and writes in one indivisible step:
    // there is no gap between the read and the write left to yield in.
    private let storedBalance: Atomic<Int>

    public init(balance: Int = 0) {
        storedBalance = Atomic(balance)
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        storedBalance.wrappingAdd(amount, ordering: .sequentiallyConsistent)
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        storedBalance.wrappingSubtract(amount, ordering: .sequentiallyConsistent)
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            storedBalance.load(ordering: .sequentiallyConsistent)
        }
    }
}
