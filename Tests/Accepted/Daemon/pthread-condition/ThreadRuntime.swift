// Accepted: a pthread mutex and condition variable instead of NSCondition.
import Foundation

/// Starts threads the way Python does: the program waits for its non-daemon
/// threads before it ends and abandons its daemon threads.
public final class ThreadRuntime: @unchecked Sendable {
    // `running` is guarded by `mutex`; `finished` is broadcast when it
    // reaches zero. Both live at fixed addresses, as pthreads requires.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let finished = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var running = 0

    public init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(finished, nil)
    }

    deinit {
        pthread_cond_destroy(finished)
        pthread_mutex_destroy(mutex)
        finished.deallocate()
        mutex.deallocate()
    }

    public func spawn(daemon: Bool = false, _ body: @escaping @Sendable () -> Void) {
        guard !daemon else {
            Thread(block: body).start()
            return
        }
        pthread_mutex_lock(mutex)
        running += 1
        pthread_mutex_unlock(mutex)
        Thread { [self] in
            body()
            pthread_mutex_lock(mutex)
            running -= 1
            if running == 0 { pthread_cond_broadcast(finished) }
            pthread_mutex_unlock(mutex)
        }.start()
    }

    public func waitForNonDaemonThreads() {
        pthread_mutex_lock(mutex)
        while running > 0 { pthread_cond_wait(finished, mutex) }
        pthread_mutex_unlock(mutex)
    }

    public func exit(status: Int32 = 0) -> Never {
        waitForNonDaemonThreads()
        Foundation.exit(status)
    }

    public var liveNonDaemonCount: Int {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return running
    }
}
