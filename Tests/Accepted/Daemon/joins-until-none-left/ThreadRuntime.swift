// Accepted: every non-daemon thread has a semaphore of its own; a waiter joins them one by one until none is left.
import Foundation

/// Starts threads the way Python does: the program waits for its non-daemon
/// threads before it ends and abandons its daemon threads.
public final class ThreadRuntime: @unchecked Sendable {
    /// One unfinished non-daemon thread: `done` is signalled once it ends.
    private final class Handle: Sendable {
        let done = DispatchSemaphore(value: 0)
    }

    // `unfinished` is guarded by `lock`.
    private let lock = NSLock()
    private var unfinished: [ObjectIdentifier: Handle] = [:]

    public init() {}

    public func spawn(daemon: Bool = false, _ body: @escaping @Sendable () -> Void) {
        if daemon {
            Thread { body() }.start()
            return
        }
        let handle = Handle()
        let key = ObjectIdentifier(handle)
        lock.withLock { unfinished[key] = handle }
        Thread { [self] in
            body()
            lock.withLock { unfinished[key] = nil }
            handle.done.signal()
        }.start()
    }

    public func waitForNonDaemonThreads() {
        // Look again after every join: the thread just joined may have
        // spawned others before it ended.
        while let handle = lock.withLock({ unfinished.values.first }) {
            handle.done.wait()
            handle.done.signal()  // the next waiter on this thread gets through too
        }
    }

    public func exit(status: Int32 = 0) -> Never {
        waitForNonDaemonThreads()
        Foundation.exit(status)
    }

    public var liveNonDaemonCount: Int { lock.withLock { unfinished.count } }
}
