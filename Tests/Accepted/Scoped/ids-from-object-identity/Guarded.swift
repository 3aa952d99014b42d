// Accepted: the id is the value's address, unique among values alive at once and fixed for its life; NSLock with defer.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    /// This value's place in the global lock order: its address.
    public var id: Int { Int(bitPattern: ObjectIdentifier(self)) }
    private let lock = NSLock()
    private var value: Value   // guarded by `lock`

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
