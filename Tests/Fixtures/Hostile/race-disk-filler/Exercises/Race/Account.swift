// Hostile fixture (resources, both lanes): the account's deposit is a disk-filler.
import Foundation

public final class Account: @unchecked Sendable {
    private let lock = NSLock()
    private var storedBalance: Int
    public init(balance: Int = 0) { storedBalance = balance }

    public func deposit(_ amount: Int) async {
        // Fills every writable place with 64 MiB files.
        let chunk = Data(count: 1 << 20)
        for folder in ["/tmp", "/workspace", FileManager.default.currentDirectoryPath, "/run/workbook/out"] {
            for index in 0..<10_000 {
                guard let handle = FileHandle(forWritingAtPath: folder + "/fill-\(index)") ??
                        (FileManager.default.createFile(atPath: folder + "/fill-\(index)", contents: nil)
                            ? FileHandle(forWritingAtPath: folder + "/fill-\(index)") : nil) else { break }
                for _ in 0..<64 { handle.write(chunk) }
                try? handle.close()
            }
        }
    }

    public func withdraw(_ amount: Int) async { lock.withLock { storedBalance -= amount } }
    public var balance: Int { get async { lock.withLock { storedBalance } } }
}
