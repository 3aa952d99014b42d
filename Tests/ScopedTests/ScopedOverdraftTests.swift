#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Testing

extension ScopedTests.Transfers {
    @Test(
        "a transfer from an account to itself returns, changes nothing, leaves the lock free, and is refused when the balance is short",
        .teaches("06-scoped-locking#the-same-account-twice"))
    func transferToItself() {
        let account = Guarded(100)
        let outcomes = Shared<[Outcome]>([])
        let mover = startThread(name: "to-itself") {
            let small = attempt(30, from: account, to: account)
            let large = attempt(500, from: account, to: account)
            outcomes.update { $0 = [small, large] }
        }
        guard mover.join(within: promptly) else {
            Issue.record(
                "transfer(30, from: account, to: account) did not return within \(Int(promptly)) s: one account has one lock, and a thread that takes it a second time waits for itself"
            )
            return
        }
        guard let after = balances(of: [account])?.first else {
            Issue.record("after a transfer from an account to itself, its lock was still held \(Int(promptly)) s later")
            return
        }
        #expect(
            after == 100,
            "transfers of 30 and 500 from an account holding 100 to itself must change nothing, but it now holds \(after)")
        let expected: [Outcome] = [.moved, .refused(InsufficientFunds(balance: 100, amount: 500))]
        #expect(
            outcomes.current == expected,
            "from an account holding 100 to itself, transfer(30) should go through and transfer(500) be refused like any other transfer short of money, but they \(outcomes.current.map(\.description).joined(separator: " and "))"
        )
    }

    @Test(
        "when transfers race for the last money in an account, exactly one gets it and the others are refused: no balance ever goes below zero",
        .teaches("06-scoped-locking#check-and-act-under-the-same-locks"))
    func lastMoneyGoesOnce() {
        guard lastMoneyWhileTargetsAreHeld() else { return }
        lastMoneyWhileTheFirstIsInterrupted()
    }

    /// Four transfers take the last 1 from an account, each to a target
    /// that comes before it in the lock order and that a helper thread
    /// holds. A correct transfer waits for its target's lock before it
    /// looks at the source; one that checks first has seen 1 by the time
    /// the helpers let go, and moves it anyway.
    /// - Returns: whether to go on (`false`: an issue was recorded).
    private func lastMoneyWhileTargetsAreHeld() -> Bool {
        let racers = 4
        let accounts = accountsInLockOrder(Array(repeating: 0, count: racers) + [1])
        let (targets, source) = (Array(accounts.prefix(racers)), accounts[racers])
        let holders = targets.map { Holder($0, name: "holding-\($0.id)") }
        defer { for holder in holders { holder.finish() } }
        guard holders.allSatisfy({ $0.hasTaken() }) else {
            Issue.record("the helper threads never got inside their accounts' withLock")
            return false
        }
        let movers = targets.map { WatchedTransfer(1, from: source, to: $0, name: "to-\($0.id)") }
        if let ended = movers.first(where: { $0.waitUntilBlocked() == .ended }) {
            Issue.record(
                "a transfer ended (\(ended.result?.description ?? "?")) while another thread held its target's lock: a transfer must hold both accounts' locks"
            )
            return false
        }
        for holder in holders { holder.letGo() }
        guard movers.allSatisfy({ $0.join(within: promptly) }) else {
            Issue.record(
                "\(racers) transfers racing for the last 1 had not finished \(Int(promptly)) s after their targets' locks were released")
            return false
        }
        let results = movers.compactMap(\.result)
        let moved = results.filter { $0 == .moved }.count
        let after = balances(of: [source])?.first
        guard moved == 1, after == 0,
            results.filter({ $0 == .refused(InsufficientFunds(balance: 0, amount: 1)) }).count == racers - 1
        else {
            Issue.record(
                "\(racers) transfers of 1 from an account holding 1 (each to an account whose lock another thread held until all of them were waiting) should leave it at 0 with one move and \(racers - 1) refusals InsufficientFunds(balance: 0, amount: 1), but they \(results.map(\.description).joined(separator: ", ")) and the account holds \(after.map(String.init) ?? "? (its lock is held)"): a transfer that looks at the balance before it holds both locks acts on a stale answer"
            )
            return false
        }
        return true
    }

    /// Round after round, two transfers wait for an account holding 1,
    /// on one core; the first to get it runs as an idle thread, so the
    /// moment it lets go of the source's lock the second one (woken by
    /// that) usually takes the core from it. A transfer that checks in
    /// one critical section and moves in another lets the second one
    /// check in between; rounds stop at the first that shows it.
    private func lastMoneyWhileTheFirstIsInterrupted() {
        let rounds = 12
        for round in 1...rounds {
            let accounts = accountsInLockOrder([1, 0, 0])
            let source = accounts[0]
            let holder = Holder(source, name: "holding-source")
            defer { holder.finish() }
            guard holder.hasTaken() else {
                Issue.record("round \(round): the helper thread never got inside the source's withLock")
                return
            }
            let core = Shared<Int32>(-1)
            let first = WatchedTransfer(1, from: source, to: accounts[1], name: "first") {
                let here = currentCore
                if pinCurrentThread(toCore: here) { core.update { $0 = here } }
                makeCurrentThreadIdle()
            }
            switch first.waitUntilBlocked() {
            case .blocked: break
            case .running:
                // A lock that spins instead of sleeping: an idle thread
                // holding it would be starved by the second one spinning
                // on the same core, so these rounds prove nothing here.
                return
            case .ended:
                Issue.record(
                    "round \(round): a transfer ended (\(first.result?.description ?? "?")) while another thread held its source's lock")
                return
            }
            let second = WatchedTransfer(1, from: source, to: accounts[2], name: "second") {
                pinCurrentThread(toCore: core.current)
            }
            guard second.waitUntilBlocked() != .ended else {
                Issue.record(
                    "round \(round): a transfer ended (\(second.result?.description ?? "?")) while another thread held its source's lock")
                return
            }
            holder.letGo()
            guard first.join(within: promptly), second.join(within: promptly) else {
                Issue.record(
                    "round \(round): two transfers of 1 from an account holding 1 had not finished \(Int(promptly)) s after its lock was released"
                )
                return
            }
            let results = [first.result, second.result].compactMap { $0 }
            let after = balances(of: accounts)
            guard results.filter({ $0 == .moved }).count == 1, after?[0] == 0, after?.reduce(0, +) == 1 else {
                Issue.record(
                    "round \(round): two transfers of 1 from an account holding 1 \(results.map(\.description).joined(separator: " and ")), and the balances are \(after.map { "\($0)" } ?? "unreadable (a lock is held)"), not one move leaving [0, 1, 0] or [0, 0, 1]: the second transfer got in between the first one's check and its move, so the check and the move were not one critical section under both locks"
                )
                return
            }
        }
    }
}
