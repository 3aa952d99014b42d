import Foundation

/// Polls `condition` until it holds or `seconds` pass.
/// - Returns: whether the condition held before the deadline.
public func eventually(
    within seconds: Double,
    pollingEvery interval: Double = 0.002,
    _ condition: () -> Bool
) -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        if condition() { return true }
        Thread.sleep(forTimeInterval: interval)
    }
    return condition()
}

/// A thread-safe box for values that worker threads report back to a test.
public final class Shared<Value: Sendable>: @unchecked Sendable {
    // `value` is guarded by `lock`.
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }

    public var current: Value { update { $0 } }
}
