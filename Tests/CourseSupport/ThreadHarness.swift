import Foundation
import Testing
import Synchronization

/// Runs `body` on `count` dedicated threads that are released together.
///
/// Every thread first waits at a shared gate; the gate opens only when all of
/// them have arrived, so the bodies overlap as much as the machine allows.
/// Blocking work belongs on threads like these, never inside Swift tasks (the
/// cooperative pool has only as many threads as cores).
///
/// - Returns: the running group; call ``ThreadGroup/join(within:)`` on it.
public func startThreads(
    _ count: Int,
    name: String = "worker",
    _ body: @escaping @Sendable (_ index: Int) -> Void
) -> ThreadGroup {
    let gate = CountdownLatch(count)
    let group = ThreadGroup(count)
    for index in 0..<count {
        let thread = Thread {
            Thread.current.name = "\(name)-\(index)"
            gate.countDown()
            _ = gate.wait(within: 10)
            body(index)
            group.threadFinished()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }
    return group
}

/// Runs `body` once on a dedicated thread, without a start gate.
public func startThread(
    name: String = "helper",
    _ body: @escaping @Sendable () -> Void
) -> ThreadGroup {
    startThreads(1, name: name) { _ in body() }
}

/// A set of running threads that can be waited for with a deadline.
public final class ThreadGroup: Sendable {
    private let remaining: CountdownLatch

    init(_ count: Int) { remaining = CountdownLatch(count) }

    func threadFinished() { remaining.countDown() }

    /// Waits until every thread of the group has returned from its body.
    /// - Returns: `false` if some thread was still running at the deadline
    ///   (it is then abandoned: a blocked thread cannot be cancelled).
    @discardableResult
    public func join(within seconds: Double) -> Bool {
        remaining.wait(within: seconds)
    }

    /// Whether every thread has already finished.
    public var isFinished: Bool { remaining.isOpen }
}

/// Runs `body` on a thread of its own and waits for it `promptly`: a call
/// that a correct solution answers at once (a put or a submit with room,
/// anything on a closed queue or a shut-down pool) must not hang the test.
/// - Parameter description: the call, as the failure message names it.
public func promptlyOnThread<T: Sendable>(
    _ description: String,
    sourceLocation: SourceLocation = #_sourceLocation,
    _ body: @escaping @Sendable () -> T
) throws -> T {
    let result = Shared<T?>(nil)
    let thread = startThread(name: "caller") {
        let value = body()
        result.update { $0 = value }
    }
    try #require(
        thread.join(within: promptly),
        "\(description) had not returned after \(Int(promptly)) s", sourceLocation: sourceLocation)
    return try #require(result.current, sourceLocation: sourceLocation)
}
