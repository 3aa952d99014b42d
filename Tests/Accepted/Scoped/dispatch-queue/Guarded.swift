// Accepted: a serial DispatchQueue per value; every body runs inside queue.sync.
import Foundation

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "guarded")
    private var value: Value   // touched only on `queue`

    public init(_ value: Value) {
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        try queue.sync { try body(&value) }
    }
}
