#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Testing

// Helpers for the transfer tests. Every one of them that touches an
// account's lock from the test runs on a helper thread and is waited for
// with a bound, so a lock that a buggy version leaves held fails the test
// instead of hanging it.

typealias Account = Guarded<Int>

/// Makes accounts holding these balances, in ascending id (the global lock
/// order), so that `accounts[0]` is the one every transfer must lock first.
/// The balances are put in on a helper thread, waited for with a bound: a
/// lock that a buggy version shares between values may be held by a thread
/// an earlier test left behind.
func accountsInLockOrder(_ balances: [Int]) -> [Account] {
    let made = balances.map { _ in Account(0) }.sorted { $0.id < $1.id }
    let filling = startThread(name: "filling") {
        for (account, balance) in zip(made, balances) {
            account.withLock { $0 = balance }
        }
    }
    if !filling.join(within: promptly) {
        Issue.record("putting money into new accounts did not finish within \(Int(promptly)) s: their locks were held by another thread, so they are not locks of their own")
    }
    return made
}

/// The balances of `accounts`, read on a helper thread, each under its own
/// lock; `nil` if that took longer than `promptly` (a lock left held).
func balances(of accounts: [Account]) -> [Int]? {
    let read = Shared<[Int]?>(nil)
    let reader = startThread(name: "reader") {
        let values = accounts.map { account in account.withLock { $0 } }
        read.update { $0 = values }
    }
    guard reader.join(within: promptly) else { return nil }
    return read.current
}

/// Runs `body` with the balances of all `accounts`, holding every one of
/// their locks at once, taken in ascending id as the lock order asks.
func withEveryLock<R>(_ accounts: [Account], _ body: ([Int]) -> R) -> R {
    func lock(from index: Int, _ ordered: [Account], _ seen: [Int]) -> R {
        guard index < ordered.count else { return body(seen) }
        return ordered[index].withLock { balance in lock(from: index + 1, ordered, seen + [balance]) }
    }
    return lock(from: 0, accounts.sorted { $0.id < $1.id }, [])
}

/// How a transfer on a helper thread ended.
enum Outcome: Equatable, CustomStringConvertible {
    case moved
    case refused(InsufficientFunds)

    var description: String {
        switch self {
        case .moved: "moved"
        case .refused(let error): "refused (balance \(error.balance), amount \(error.amount))"
        }
    }
}

/// Calls `transfer` and says how it ended.
func attempt(_ amount: Int, from source: Account, to target: Account) -> Outcome {
    do {
        try transfer(amount, from: source, to: target)
        return .moved
    } catch {
        return .refused(error)
    }
}

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

/// A transfer on a thread of its own, watched from outside: the test can
/// see whether it has ended and whether it is blocked (waiting for a lock).
final class WatchedTransfer: Sendable {
    private let threadID = Shared<Int32>(-1)
    private let started = CountdownLatch(1)
    private let outcome = Shared<Outcome?>(nil)
    private let thread: ThreadGroup

    /// - Parameter prepare: runs on the thread first (to place it on a core, say).
    init(_ amount: Int, from source: Account, to target: Account, name: String = "transfer",
         prepare: @escaping @Sendable () -> Void = {}) {
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
