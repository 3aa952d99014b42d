// Accepted: no lock order at all: the source's lock is taken, the target's only tried; if it is busy, both are let go and the transfer backs off and tries again, so it never waits while holding a lock.
import Foundation

/// Why a transfer was refused: the source held less than the amount.
public struct InsufficientFunds: Error, Equatable {
    public let balance: Int
    public let amount: Int

    public init(balance: Int, amount: Int) {
        self.balance = balance
        self.amount = amount
    }
}

/// Moves `amount` from `source` to `target`, or refuses.
public func transfer(_ amount: Int, from source: Guarded<Int>, to target: Guarded<Int>) throws(InsufficientFunds) {
    if source === target {
        try source.withLock { (balance: inout Int) throws(InsufficientFunds) in
            guard balance >= amount else { throw InsufficientFunds(balance: balance, amount: amount) }
        }
        return
    }
    var pause: UInt32 = 20   // microseconds, doubled after each miss up to 2 ms
    while true {
        let done = try source.withLock { (from: inout Int) throws(InsufficientFunds) -> Bool in
            let moved: Bool? = try target.withLockIfAvailable { (to: inout Int) throws(InsufficientFunds) in
                guard from >= amount else { throw InsufficientFunds(balance: from, amount: amount) }
                from -= amount
                to += amount
                return true
            }
            return moved ?? false
        }
        if done { return }
        usleep(pause)
        pause = min(2 * pause, 2_000)
    }
}
