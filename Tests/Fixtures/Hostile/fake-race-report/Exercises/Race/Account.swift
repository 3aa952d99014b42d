// Hostile fixture (sanitizer): an account whose balance is read without the
// lock (a race only ThreadSanitizer sees), which hides the sanitizer's console
// report (standard error goes nowhere) and prints a clean bill of health.
import Foundation

public final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var storedBalance: Int
    public init(balance: Int = 0) {
        storedBalance = balance
        dup2(open("/dev/null", O_WRONLY), 2)
        print("ThreadSanitizer: reported 0 warnings")
    }
    public func deposit(_ amount: Int) async { lock.withLock { storedBalance += amount } }
    public func withdraw(_ amount: Int) async { lock.withLock { storedBalance -= amount } }
    public var balance: Int { get async { storedBalance } }
}
