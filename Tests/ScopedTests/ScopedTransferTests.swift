#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Testing

extension ScopedTests {
    // Nested in `ScopedTests`, so serialized with its tests (see there).
    @Suite("Scoped: transfers that cannot deadlock and never overdraw")
    struct Transfers {
        @Test(
            "while one thread holds an account for a long time, transfers from and to it wait, a transfer between two other accounts goes ahead, and the waiting transfers finish promptly once it is released, seeing its change",
            .teaches("06-scoped-locking#one-lock-order-for-everyone"))
        func longHolderKeepsOnlyItsAccount() {
            let holding = 2.0  // longer than a lock that gives up after a second
            // alice starts empty; the holder puts 300 in just before it leaves,
            // so a transfer from alice that did not wait is refused.
            let accounts = accountsInLockOrder([100, 100, 0, 100, 100, 100, 100])
            let alice = accounts[2]
            let partners = [accounts[0], accounts[1], accounts[3], accounts[4]]  // two below alice in the order, two above
            let holder = Holder(alice) { $0 += 300 }
            defer { holder.finish() }
            guard holder.hasTaken() else {
                Issue.record("the holding thread never got inside alice's withLock")
                return
            }
            // Transfers with alice on both sides, with partners below and above her in the lock order.
            let waiting = [
                WatchedTransfer(100, from: alice, to: partners[0], name: "from-alice-1"),
                WatchedTransfer(50, from: partners[1], to: alice, name: "to-alice-1"),
                WatchedTransfer(150, from: alice, to: partners[2], name: "from-alice-2"),
                WatchedTransfer(30, from: partners[3], to: alice, name: "to-alice-2"),
            ]
            let elsewhere = WatchedTransfer(60, from: accounts[6], to: accounts[5], name: "elsewhere")
            guard elsewhere.join(within: promptly) else {
                Issue.record(
                    "a transfer between two accounts other than alice did not finish within \(Int(promptly)) s while another thread held alice's lock: each account needs a lock of its own, and a transfer takes only the locks of its two accounts"
                )
                return
            }
            let deadline = Date(timeIntervalSinceNow: holding)
            while Date() < deadline {
                if let done = waiting.first(where: \.hasEnded) {
                    Issue.record(
                        "a transfer involving alice ended (\(done.result?.description ?? "?")) while another thread was still inside alice's withLock (for less than \(holding) s): it must wait for alice's lock"
                    )
                    return
                }
                Thread.sleep(forTimeInterval: 0.02)
            }
            holder.letGo()
            guard waiting.allSatisfy({ $0.join(within: promptly) }) else {
                Issue.record(
                    "\(waiting.filter { !$0.hasEnded }.count) of the transfers that waited for alice had not finished \(Int(promptly)) s after her lock was released"
                )
                return
            }
            let results = waiting.map(\.result)
            #expect(
                results.allSatisfy { $0 == .moved },
                "once the holder had put 300 into alice and left, every waiting transfer should have gone through, but they \(results.map { $0?.description ?? "?" }.joined(separator: ", ")): a transfer that looked at alice's balance before the holder left saw 0"
            )
            let after = balances(of: accounts)
            let expected = [100 + 100, 100 - 50, 300 - 100 + 50 - 150 + 30, 100 + 150, 100 - 30, 100 + 60, 100 - 60]
            #expect(
                after == expected,
                "in lock order, the balances should be \(expected) (alice, the third, got 300 from the holder, then lost 100 and 150 and gained 50 and 30), but they are \(after.map { "\($0)" } ?? "unreadable (a lock is held)")"
            )
        }

        @Test(
            "a transfer takes the lower id's lock first, whichever account is the source: it never holds the higher one while it waits for the lower",
            .teaches("06-scoped-locking#one-lock-order-for-everyone"))
        func takesTheLowerIDFirst() {
            for (low, high) in pairsToProbe() {
                for (source, target) in [(high, low), (low, high)] {
                    guard probe(from: source, to: target, low: low, high: high) else { return }
                }
            }
        }

        /// Pairs of accounts, each as (lower id, higher id): first one whose
        /// ids were handed out in the order the accounts were made, then
        /// one whose ids and addresses in memory run in opposite orders (an
        /// order taken from the addresses disagrees with the id there), then
        /// more, so that an order taken from anything but the id disagrees
        /// with it on one of them.
        private func pairsToProbe() -> [(Account, Account)] {
            let first = accountsInLockOrder([10, 10])
            // Accounts made after others were freed reuse their memory, so
            // their addresses come out of order.
            var pool = (0..<48).map { _ in Account(10) }
            pool = pool.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
            pool += (0..<24).map { _ in Account(10) }
            let ordered = pool.sorted { $0.id < $1.id }
            var pairs = [(first[0], first[1])]
            search: for (index, low) in ordered.enumerated() {
                for high in ordered[(index + 1)...] where ObjectIdentifier(high) < ObjectIdentifier(low) {
                    pairs.append((low, high))
                    break search
                }
            }
            for step in stride(from: 0, to: ordered.count - 1, by: ordered.count / 4) {
                pairs.append((ordered[step], ordered[step + 1]))
            }
            return pairs
        }

        /// Holds `low`, starts `transfer(1, from: source, to: target)`, waits
        /// until it blocks, and checks that `high` is still free.
        /// - Returns: whether to go on (`false`: an issue was recorded).
        private func probe(from source: Account, to target: Account, low: Account, high: Account) -> Bool {
            let described = "transfer(1, from: #\(source.id), to: #\(target.id))"
            guard let before = balances(of: [source, target]) else {
                Issue.record("the accounts' locks were held before \(described) started")
                return false
            }
            let holder = Holder(low, name: "holding-\(low.id)")
            defer { holder.finish() }
            guard holder.hasTaken() else {
                Issue.record("the helper thread never got inside #\(low.id)'s withLock")
                return false
            }
            let mover = WatchedTransfer(1, from: source, to: target)
            guard mover.waitUntilBlocked() != .ended else {
                Issue.record(
                    "\(described) ended (\(mover.result?.description ?? "?")) while another thread held the lock of #\(low.id), one of its accounts: a transfer must hold both accounts' locks"
                )
                return false
            }
            let prober = startThread(name: "probe-\(high.id)") { high.withLock { _ in } }
            let highWasFree = prober.join(within: promptly)
            holder.letGo()
            guard highWasFree else {
                Issue.record(
                    "\(described) held the lock of #\(high.id) while it waited for #\(low.id)'s: locks must be taken in ascending id whatever the order of the arguments, or two transfers in opposite directions (or a transfer and any code that keeps the order) each hold the lock the other waits for"
                )
                _ = prober.join(within: promptly)
                return false
            }
            guard mover.join(within: promptly) else {
                Issue.record("\(described) had not finished \(Int(promptly)) s after #\(low.id)'s lock was released")
                return false
            }
            let after = balances(of: [source, target])
            guard mover.result == .moved, after == [before[0] - 1, before[1] + 1] else {
                Issue.record(
                    "\(described) between accounts holding \(before) \(mover.result?.description ?? "did not finish") and left \(after.map { "\($0)" } ?? "a lock held"), not \([before[0] - 1, before[1] + 1])"
                )
                return false
            }
            return true
        }

        @Test(
            "many threads transferring in both directions between the same accounts finish promptly, and no money appears or vanishes, neither at the end nor at any moment a thread locking every account in ascending id looks",
            .teaches("06-scoped-locking#one-lock-order-for-everyone"))
        func opposingTransfersConserveMoney() {
            let threads = 6, rounds = 2_000, start = 1_000
            let accounts = accountsInLockOrder([start, start, start])
            let total = start * accounts.count
            // Threads 0–3 move 2 from one end of the order to the middle and 1
            // back; threads 4 and 5 do the same between the middle and the
            // other end, with the arguments the other way round.
            let pairs = [(accounts[0], accounts[1]), (accounts[2], accounts[1])]
            let flows = Shared<[Int]>(Array(repeating: 0, count: accounts.count))
            let done = CountdownLatch(1)
            let audits = Shared<(count: Int, problem: String?)>((0, nil))
            let auditor = startThread(name: "auditor") {
                repeat {
                    let problem = withEveryLock(accounts) { balances -> String? in
                        sched_yield()  // hold every lock a moment: transfers queue up behind the auditor
                        let sum = balances.reduce(0, +)
                        if sum != total { return "the balances added up to \(sum), not \(total), while transfers were running" }
                        if let negative = balances.first(where: { $0 < 0 }) {
                            return "a balance was \(negative) while transfers were running"
                        }
                        return nil
                    }
                    audits.update { $0 = ($0.count + 1, $0.problem ?? problem) }
                    usleep(200)  // let the transfers run between audits
                } while !done.isOpen
            }
            let workers = startThreads(threads) { index in
                let (a, b) = pairs[index < 4 ? 0 : 1]
                let ia = accounts.firstIndex { $0 === a }!, ib = accounts.firstIndex { $0 === b }!
                var flow = Array(repeating: 0, count: accounts.count)
                for round in 0..<rounds {
                    let forward = (index + round).isMultiple(of: 2)
                    let (amount, from, to, i, j) = forward ? (2, a, b, ia, ib) : (1, b, a, ib, ia)
                    if attempt(amount, from: from, to: to) == .moved {
                        flow[i] -= amount
                        flow[j] += amount
                    }
                }
                flows.update { for k in $0.indices { $0[k] += flow[k] } }
            }
            // Twice the usual wait: many transfers, and a sanitizer may slow each.
            let finished = workers.join(within: 2 * promptly)
            done.countDown()
            guard finished, auditor.join(within: promptly) else {
                Issue.record(
                    "\(threads) threads making \(rounds) transfers each in both directions between the same accounts, with a thread adding up all balances (locking them in ascending id), had not finished after \(Int(2 * promptly)) s: a deadlock, each thread holding a lock another one waits for?"
                )
                return
            }
            #expect(audits.current.problem == nil, "\(audits.current.problem ?? "")")
            let expected = zip(Array(repeating: start, count: accounts.count), flows.current).map(+)
            let after = balances(of: accounts)
            #expect(
                after == expected,
                "from \(start) each, the transfers that went through should leave \(expected), but the balances are \(after.map { "\($0)" } ?? "unreadable (a lock is held)"): money appeared or vanished, or a transfer reported a move it did not make"
            )
        }
    }
}
