// Mutant: exit(status:) waits at most two seconds for the non-daemon threads, so a longer job is cut off
import Foundation

/// Starts threads the way Python does: the program waits for its non-daemon
/// threads before it ends and abandons its daemon threads.
public final class ThreadRuntime: @unchecked Sendable {
    // `running` is guarded by `condition`: the number of non-daemon threads
    // that have been spawned and have not finished yet.
    private let condition = NSCondition()
    private var running = 0

    public init() {}

    /// Runs `body` on a new thread. The program waits for a non-daemon
    /// thread before it exits; a daemon thread is abandoned.
    public func spawn(daemon: Bool = false, _ body: @escaping @Sendable () -> Void) {
        if daemon {
            Thread { body() }.start()
            return
        }
        // Count the thread before it starts, so that a wait beginning right
        // after `spawn` returns already sees it.
        condition.lock()
        running += 1
        condition.unlock()
        Thread { [self] in
            defer { nonDaemonThreadFinished() }
            body()
        }.start()
    }

    private func nonDaemonThreadFinished() {
        condition.lock()
        defer { condition.unlock() }
        running -= 1
        if running == 0 { condition.broadcast() }
    }

    /// Returns when every non-daemon thread spawned so far, and every
    /// non-daemon thread they spawn, has finished. Daemon threads are ignored.
    public func waitForNonDaemonThreads() {
        condition.lock()
        defer { condition.unlock() }
        while running > 0 {
            condition.wait()
        }
    }

    /// Waits for the non-daemon threads, then ends the process with `status`.
    /// Call it from the main thread, the way a Python program ends.
    public func exit(status: Int32 = 0) -> Never {
        let waited = DispatchSemaphore(value: 0)
        Thread { [self] in
            waitForNonDaemonThreads()
            waited.signal()
        }.start()
        _ = waited.wait(timeout: .now() + .seconds(2))  // a "safety" deadline
        Foundation.exit(status)
    }

    /// How many non-daemon threads have been spawned and not finished yet.
    public var liveNonDaemonCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return running
    }
}
