// Accepted: the two orders written out, the balance checked and moved in the inner closure.

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
    func move(_ from: inout Int, _ to: inout Int) throws(InsufficientFunds) {
        guard from >= amount else { throw InsufficientFunds(balance: from, amount: amount) }
        from -= amount
        to += amount
    }
    if source === target {
        let balance = source.withLock { $0 }
        guard balance >= amount else { throw InsufficientFunds(balance: balance, amount: amount) }
    } else if source.id < target.id {
        try source.withLock { (from: inout Int) throws(InsufficientFunds) in
            try target.withLock { (to: inout Int) throws(InsufficientFunds) in try move(&from, &to) }
        }
    } else {
        try target.withLock { (to: inout Int) throws(InsufficientFunds) in
            try source.withLock { (from: inout Int) throws(InsufficientFunds) in try move(&from, &to) }
        }
    }
}
