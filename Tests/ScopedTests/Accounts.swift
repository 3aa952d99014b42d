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
        Issue.record(
            "putting money into new accounts did not finish within \(Int(promptly)) s: their locks were held by another thread, so they are not locks of their own"
        )
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
