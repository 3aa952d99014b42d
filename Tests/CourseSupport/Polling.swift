import Foundation

/// Checks `condition` every couple of milliseconds until it holds or
/// `seconds` pass, from async code. Between checks the task sleeps with
/// `Task.sleep`, which gives its thread back to the cooperative pool (unlike
/// ``eventually(within:pollingEvery:_:)``, which blocks the thread it runs
/// on): tasks the test started can then use that thread.
/// - Returns: whether the condition held before the deadline.
public func poll(
    within seconds: Double,
    every interval: Duration = .milliseconds(2),
    _ condition: () -> Bool
) async -> Bool {
    let deadline = Date(timeIntervalSinceNow: seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(for: interval)
    }
    if condition() { return true }
    StuckThreads.waitRanOut(after: seconds)
    return false
}

/// The priority of the tasks a test starts on the cooperative pool. Every
/// test waits for the pool at the default priority (Swift Testing runs each
/// test in a task), and the pool takes tasks of one priority in the order
/// they came, so a test's own tasks at that priority would start only after
/// the tests still waiting. At a higher priority they go to that priority's
/// threads (still one per core, still cooperative) and start at once.
public let testTaskPriority = TaskPriority.high

/// Runs an async test's body in a task at ``testTaskPriority``, so that
/// the body, too, goes on promptly after each `await` (a poll's sleep)
/// instead of queueing behind the tests still waiting for the pool. The
/// body's own waits are bounded; the test waits for the body.
public func atTestPriority<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await Task(priority: testTaskPriority) { try await body() }.value
}
