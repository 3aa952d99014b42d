#if SOLUTIONS
import LockSolution
#else
import LockExercise
#endif
import CourseSupport
import Foundation

/// A plain counter with no protection of its own: only the lock under test
/// keeps two threads from updating it at once.
final class UnguardedCounter: @unchecked Sendable {
    var value = 0
}

/// Holds a `Lock` on a dedicated thread until told to let go.
final class LockHolder: Sendable {
    private let acquired = CountdownLatch(1)
    private let letGo = CountdownLatch(1)
    private let outcome = Shared<Bool?>(nil)
    private let unlockError = Shared<LockError?>(nil)
    private let thread: ThreadGroup

    /// Starts a thread that takes `lock` with `acquire` and, if that
    /// succeeded, keeps it until ``release(within:)``, counted inside
    /// `occupancy` while it holds.
    /// - Parameter acquire: how to take the lock; `lock()` unless given.
    init(
        _ lock: Lock, occupancy: Occupancy? = nil,
        acquire: @escaping @Sendable (Lock) -> Bool = {
            $0.lock(); return true
        }
    ) {
        let acquired = self.acquired, letGo = self.letGo
        let outcome = self.outcome, unlockError = self.unlockError
        thread = startThread(name: "holder") {
            let got = acquire(lock)
            outcome.update { $0 = got }
            if got { occupancy?.enter() }
            acquired.countDown()
            guard got else { return }
            letGo.wait(within: untilLetGo)
            occupancy?.leave()
            do { try lock.unlock() } catch { unlockError.update { $0 = error as? LockError } }
        }
    }

    /// Whether the holder thread got the lock within `seconds`.
    func hasLock(within seconds: Double = promptly) -> Bool {
        acquired.wait(within: seconds) && outcome.current == true
    }

    /// Tells the holder to unlock and waits (bounded) until it has.
    /// - Returns: whether the holder finished unlocking in time.
    @discardableResult
    func release(within seconds: Double = promptly) -> Bool {
        letGo.countDown()
        return thread.join(within: seconds)
    }

    /// The error the holder's own `unlock()` threw, if any.
    var errorFromUnlock: LockError? { unlockError.current }
}

/// Runs `body` on a dedicated thread and waits at most `seconds` for it.
/// - Returns: the body's result, or `nil` if it was still running.
func onThread<T: Sendable>(within seconds: Double = promptly, _ body: @escaping @Sendable () -> T) -> T? {
    let result = Shared<T?>(nil)
    let group = startThread {
        let value = body(); result.update { $0 = value }
    }
    guard group.join(within: seconds) else { return nil }
    return result.current
}

/// Whether another thread finds `lock` free: it takes the lock with
/// `tryLock()` and gives it straight back.
/// - Returns: `nil` if `tryLock()` did not return within ``promptly``.
func isFree(_ lock: Lock) -> Bool? {
    onThread { () -> Bool in
        let got = lock.tryLock()
        if got { try? lock.unlock() }
        return got
    }
}

/// Whether another thread finds `lock` held: it tries `lock(before:)` with
/// a deadline 50 ms away, and gives the lock straight back if it got it.
/// (Not `tryLock()`, so that a `tryLock()` that waits costs only the test of
/// `tryLock()` itself.)
/// - Returns: `nil` if the attempt did not return within ``promptly``.
func isHeld(_ lock: Lock) -> Bool? {
    onThread { () -> Bool in
        let got = lock.lock(before: Date(timeIntervalSinceNow: 0.05))
        if got { try? lock.unlock() }
        return !got
    }
}

/// Seconds since `start`.
func seconds(since start: Date) -> Double { Date().timeIntervalSince(start) }

struct Boom: Error {}
