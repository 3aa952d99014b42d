import Foundation

/// A one-shot gate that opens when it has been counted down to zero, like
/// Java's `CountDownLatch`. Every wait on it is bounded.
public final class CountdownLatch: @unchecked Sendable {
    // `count` is guarded by `condition`.
    private let condition = NSCondition()
    private var count: Int

    public init(_ count: Int) { self.count = count }

    public func countDown() {
        condition.lock()
        defer { condition.unlock() }
        if count > 0 { count -= 1 }
        if count == 0 { condition.broadcast() }
    }

    /// Waits until the count reaches zero or `seconds` pass.
    /// - Returns: whether the latch is open.
    @discardableResult
    public func wait(within seconds: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: seconds)
        condition.lock()
        defer { condition.unlock() }
        while count > 0 {
            if !condition.wait(until: deadline) {
                if count == 0 { return true }
                StuckThreads.waitRanOut(after: seconds)
                return false
            }
        }
        return true
    }

    public var isOpen: Bool {
        condition.lock()
        defer { condition.unlock() }
        return count == 0
    }
}
