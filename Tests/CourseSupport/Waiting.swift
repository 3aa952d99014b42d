import Foundation

/// How long a test waits for what a correct solution does at once: a
/// thread starting or finishing, a woken waiter going on, a lock handed
/// over, a few threads doing a few thousand rounds. A correct solution needs
/// milliseconds even on a loaded machine, so a miss is a lost wake-up, a
/// deadlock or a thread that never ends. It is short because every buggy
/// version caught this way costs this long, and it stays well under the
/// grader's time limit per test (`secondsPerTest` in `Tests/grading.json`)
/// so that a test that waits for it twice still reports its own message.
public let promptly: Double = 3

/// How long a helper thread holds a lock, or waits at a gate the test means
/// to open: longer than a test runs, so it never lets go early, yet bounded,
/// so that a thread the test abandons still ends.
public let untilLetGo: Double = 15

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
    if condition() { return true }
    StuckThreads.waitRanOut(after: seconds)
    return false
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
