// Hostile fixture (resources, both lanes): the account's deposit is a ignores-term.
import Foundation

public final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var storedBalance: Int
    public init(balance: Int = 0) { storedBalance = balance }

    public func deposit(_ amount: Int) async {
        // Ignores TERM (and HUP) and never returns.
        signal(SIGTERM, SIG_IGN)
        signal(SIGHUP, SIG_IGN)
        while true { sched_yield() }
    }

    public func withdraw(_ amount: Int) async { lock.withLock { storedBalance -= amount } }
    public var balance: Int { get async { lock.withLock { storedBalance } } }
}
