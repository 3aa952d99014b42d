#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation

/// A helper thread that takes an account's lock, keeps it until the test
/// lets go (at most ``untilLetGo``), runs `beforeLeaving` on the balance,
/// and gives the lock back.
final class Holder: Sendable {
    private let taken = CountdownLatch(1)
    private let go = CountdownLatch(1)
    private let thread: ThreadGroup

    init(_ account: Account, name: String = "holder", beforeLeaving: @escaping @Sendable (inout Int) -> Void = { _ in }) {
        let taken = self.taken, go = self.go
        thread = startThread(name: name) {
            account.withLock { balance in
                taken.countDown()
                go.wait(within: untilLetGo)
                beforeLeaving(&balance)
            }
        }
    }

    /// Whether the helper holds the lock within `seconds`.
    func hasTaken(within seconds: Double = promptly) -> Bool { taken.wait(within: seconds) }

    func letGo() { go.countDown() }

    /// Lets go and waits for the helper to give the lock back.
    @discardableResult
    func finish(within seconds: Double = promptly) -> Bool {
        letGo()
        return thread.join(within: seconds)
    }
}
