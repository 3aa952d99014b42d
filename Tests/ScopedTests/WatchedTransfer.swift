#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation

/// A transfer on a thread of its own, watched from outside: the test can
/// see whether it has ended and whether it is blocked (waiting for a lock).
final class WatchedTransfer: Sendable {
    private let threadID = Shared<Int32>(-1)
    private let started = CountdownLatch(1)
    private let outcome = Shared<Outcome?>(nil)
    private let thread: ThreadGroup

    /// - Parameter prepare: runs on the thread first (to place it on a core, say).
    init(
        _ amount: Int, from source: Account, to target: Account, name: String = "transfer",
        prepare: @escaping @Sendable () -> Void = {}
    ) {
        let threadID = self.threadID, started = self.started, outcome = self.outcome
        thread = startThread(name: name) {
            prepare()
            threadID.update { $0 = currentThreadID }
            started.countDown()
            let result = attempt(amount, from: source, to: target)
            outcome.update { $0 = result }
        }
    }

    /// How the transfer ended, once it has.
    var result: Outcome? { outcome.current }

    var hasEnded: Bool { thread.isFinished }

    /// Where a watched transfer stands.
    enum State {
        /// Blocked in the kernel, as a thread waiting for a lock is.
        case blocked
        /// Still running, never seen blocked (a design that spins instead of sleeping).
        case running
        case ended
    }

    /// Waits until the transfer is blocked, has ended, or `seconds` pass.
    func waitUntilBlocked(within seconds: Double = 1) -> State {
        guard started.wait(within: promptly) else { return hasEnded ? .ended : .running }
        let blocked = isBlocked(threadID: threadID.current, within: seconds) { self.hasEnded }
        return hasEnded ? .ended : blocked ? .blocked : .running
    }

    @discardableResult
    func join(within seconds: Double = promptly) -> Bool { thread.join(within: seconds) }
}
