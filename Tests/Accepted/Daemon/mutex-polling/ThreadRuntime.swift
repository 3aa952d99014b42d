// Accepted: a Synchronization.Mutex guards the count, and the waiters poll it, sleeping in between.
import Foundation
import Synchronization

/// Starts threads the way Python does: the program waits for its non-daemon
/// threads before it ends and abandons its daemon threads.
public final class ThreadRuntime: Sendable {
    /// The number of non-daemon threads spawned and not finished yet.
    private let running = Mutex(0)

    public init() {}

    public func spawn(daemon: Bool = false, _ body: @escaping @Sendable () -> Void) {
        if !daemon { running.withLock { $0 += 1 } }
        Thread { [self] in
            body()
            if !daemon { running.withLock { $0 -= 1 } }
        }.start()
    }

    public func waitForNonDaemonThreads() {
        while running.withLock({ $0 }) > 0 {
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    public func exit(status: Int32 = 0) -> Never {
        waitForNonDaemonThreads()
        Foundation.exit(status)
    }

    public var liveNonDaemonCount: Int { running.withLock { $0 } }
}
