// Hostile fixture (resources, both lanes): the account's deposit is a memory-bomb.
import Foundation

public final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var storedBalance: Int
    public init(balance: Int = 0) { storedBalance = balance }

    public func deposit(_ amount: Int) async {
        // Asks for 50 GB, a gigabyte at a time, and touches every page of it.
        for _ in 0..<50 {
            guard let memory = malloc(1 << 30) else { return }
            var offset = 0
            while offset < 1 << 30 { memory.storeBytes(of: 1, toByteOffset: offset, as: UInt8.self); offset += 4096 }
        }
    }

    public func withdraw(_ amount: Int) async { lock.withLock { storedBalance -= amount } }
    public var balance: Int { get async { lock.withLock { storedBalance } } }
}
