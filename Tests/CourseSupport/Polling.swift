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
    return condition()
}
