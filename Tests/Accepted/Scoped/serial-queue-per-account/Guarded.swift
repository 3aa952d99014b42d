// Accepted: a serial DispatchQueue per value; every body runs inside queue.sync; ids from a counter guarded by a lock.
import Foundation

/// The last id handed out, guarded by `idLock`.
nonisolated(unsafe) private var lastID = 0
private let idLock = NSLock()

/// A value that can only be read or changed while holding its lock.
public final class Guarded<Value>: @unchecked Sendable {
    /// This value's place in the global lock order.
    public let id: Int
    private let queue = DispatchQueue(label: "guarded")
    private var value: Value   // touched only on `queue`

    public init(_ value: Value) {
        id = idLock.withLock {
            lastID += 1
            return lastID
        }
        self.value = value
    }

    /// Runs `body` with exclusive access to the value and returns its result.
    public func withLock<R, E: Error>(_ body: (inout Value) throws(E) -> R) throws(E) -> R {
        let outcome: Result<R, E> = queue.sync {
            do throws(E) { return .success(try body(&value)) } catch { return .failure(error) }
        }
        return try outcome.get()
    }
}
