// Mutant: a spin lock on an Atomic<Bool> with relaxed orderings: it excludes, but orders nothing between one holder's writes and the next holder's reads, a data race that ThreadSanitizer reports.
import Foundation
import Synchronization

/// A bank account that many tasks deposit to and withdraw from at once.
public final class Account: @unchecked Sendable {
    private let locked = Atomic<Bool>(false)   // guards `storedBalance`
    private var storedBalance: Int   // shared by every caller

    public init(balance: Int = 0) {
        storedBalance = balance
    }

    /// Adds `amount` to the balance.
    public func deposit(_ amount: Int) async {
        withSpinLock {
            var temp = storedBalance
            sched_yield()
            temp += amount
            storedBalance = temp
        }
    }

    /// Takes `amount` from the balance (there is no overdraft check).
    public func withdraw(_ amount: Int) async {
        withSpinLock {
            var temp = storedBalance
            sched_yield()
            temp -= amount
            storedBalance = temp
        }
    }

    private func withSpinLock<R>(_ body: () -> R) -> R {
        while !locked.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged {
            sched_yield()
        }
        defer { locked.store(false, ordering: .relaxed) }
        return body()
    }

    /// The balance right now.
    public var balance: Int {
        get async {
            withSpinLock { storedBalance }
        }
    }
}
