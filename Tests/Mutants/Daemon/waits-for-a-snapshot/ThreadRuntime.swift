// Mutant: waitForNonDaemonThreads waits for the non-daemon threads that exist when it is called, missing those spawned while it waits
import Foundation

public final class ThreadRuntime: @unchecked Sendable {
    // `running` holds one semaphore per unfinished non-daemon thread; guarded by `lock`.
    private let lock = NSLock()
    private var running: [ObjectIdentifier: DispatchSemaphore] = [:]

    public init() {}

    public func spawn(daemon: Bool = false, _ body: @escaping @Sendable () -> Void) {
        if daemon {
            Thread { body() }.start()
            return
        }
        let done = DispatchSemaphore(value: 0)
        let key = ObjectIdentifier(done)
        lock.lock()
        running[key] = done
        lock.unlock()
        Thread { [self] in
            body()
            lock.lock()
            running[key] = nil
            lock.unlock()
            done.signal()
        }.start()
    }

    public func waitForNonDaemonThreads() {
        lock.lock()
        let snapshot = Array(running.values)
        lock.unlock()
        for done in snapshot {
            done.wait()
            done.signal()  // let another waiter through as well
        }
    }

    public func exit(status: Int32 = 0) -> Never {
        waitForNonDaemonThreads()
        Foundation.exit(status)
    }

    public var liveNonDaemonCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return running.count
    }
}
