// Accepted: a DispatchGroup does the waiting; an atomic counts for liveNonDaemonCount.
import Foundation
import Synchronization

/// Starts threads the way Python does: the program waits for its non-daemon
/// threads before it ends and abandons its daemon threads.
public final class ThreadRuntime: Sendable {
    // Every non-daemon thread enters `group` before it starts and leaves it
    // when it ends; `live` counts the same threads for liveNonDaemonCount.
    private let group = DispatchGroup()
    private let live = Atomic<Int>(0)

    public init() {}

    public func spawn(daemon: Bool = false, _ body: @escaping @Sendable () -> Void) {
        if daemon {
            Thread { body() }.start()
            return
        }
        group.enter()
        live.add(1, ordering: .sequentiallyConsistent)
        Thread { [self] in
            defer {
                live.subtract(1, ordering: .sequentiallyConsistent)
                group.leave()
            }
            body()
        }.start()
    }

    public func waitForNonDaemonThreads() {
        group.wait()
    }

    public func exit(status: Int32 = 0) -> Never {
        group.wait()
        Foundation.exit(status)
    }

    public var liveNonDaemonCount: Int {
        live.load(ordering: .sequentiallyConsistent)
    }
}
