#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

/// How one body leaves `withLock` in ``ScopedTests/ExitsAndTasks/releasedHoweverBodyEnds()``.
private enum Exit: CaseIterable {
    case end, earlyReturn, thrown
}

extension ScopedTests {
    // Nested in `ScopedTests`, so serialized with its tests (see there).
    @Suite("Scoped: every way out of a lock, and callers on the cooperative pool")
    struct ExitsAndTasks {
        @Test(
            "however a body ends (at its end, by an early return, by a throw) the next thread gets in; errors come out unchanged and changes made before them are kept",
            .teaches("06-scoped-locking#defer-release-on-every-way-out"))
        func releasedHoweverBodyEnds() {
            let threads = 4, rounds = 99
            let guarded = Guarded(0)
            let occupancy = Occupancy()
            let problems = Shared<[String]>([])
            let group = startThreads(threads) { index in
                var mine: [String] = []  // the first few, kept by this thread alone
                for round in 0..<rounds {
                    let exit = Exit.allCases[round % Exit.allCases.count]
                    let code = index * 10_000 + round
                    do {
                        let result = try guarded.withLock { value -> Int in
                            let now = addOne(to: &value, watchedBy: occupancy)
                            switch exit {
                            case .end: break
                            case .earlyReturn:
                                for step in 1... where step > 2 { return -step }
                            case .thrown: throw Refused(code: code)
                            }
                            return now
                        }
                        if exit == .earlyReturn && result != -3 && mine.count < 3 {
                            mine.append("a body that returned -3 early made withLock return \(result)")
                        }
                        if exit == .thrown && mine.count < 3 {
                            mine.append("a body threw, but withLock returned \(result) instead of throwing")
                        }
                    } catch {
                        if (error as? Refused) != Refused(code: code) && mine.count < 3 {
                            mine.append("the body threw Refused(code: \(code)), but withLock threw \(error)")
                        }
                    }
                }
                problems.update { $0 += mine }
            }
            guard group.join(within: promptly) else {
                Issue.record(
                    "threads whose bodies end normally, return early or throw had not finished after \(Int(promptly)) s: is the lock left held when a body throws?"
                )
                return
            }
            #expect(problems.current.isEmpty, "\(problems.current.joined(separator: "; "))")
            #expect(
                occupancy.maximum == 1,
                "\(occupancy.maximum) threads were inside withLock at the same time")
            let total = balances(of: [guarded])?.first
            #expect(
                total == threads * rounds,
                "every body added 1 before it ended, returned early or threw, so the value should be \(threads * rounds), but it is \(total.map(String.init) ?? "unreadable (its lock is held)"): changes made before a throw were dropped, or updates were lost"
            )
        }

        @Test(
            "a refused transfer throws InsufficientFunds with what the source held, changes nothing, and leaves both locks free",
            .teaches("06-scoped-locking#check-and-act-under-the-same-locks"))
        func refusalReleasesBothLocks() {
            let accounts = accountsInLockOrder([10, 5])
            let (low, high) = (accounts[0], accounts[1])
            let outcomes = Shared<[Outcome]>([])
            // Both argument orders: the source is once the first lock taken, once the second.
            let refusing = startThread(name: "refusing") {
                let first = attempt(50, from: low, to: high)
                let second = attempt(20, from: high, to: low)
                outcomes.update { $0 = [first, second] }
            }
            guard refusing.join(within: promptly) else {
                Issue.record("transfer(50, from: an account holding 10, …) did not return within \(Int(promptly)) s")
                return
            }
            let expected: [Outcome] = [
                .refused(InsufficientFunds(balance: 10, amount: 50)),
                .refused(InsufficientFunds(balance: 5, amount: 20)),
            ]
            #expect(
                outcomes.current == expected,
                "transfer(50) from an account holding 10, then transfer(20) from one holding 5, should both be refused with InsufficientFunds(balance:amount:) saying what the source held and what was asked, but they \(outcomes.current.map(\.description).joined(separator: " and "))"
            )
            guard let after = balances(of: [low, high]) else {
                Issue.record(
                    "after a refused transfer, one of the two accounts' locks was still held \(Int(promptly)) s later: a refusal must release both locks (a throw leaves every withLock and every defer)"
                )
                return
            }
            #expect(
                after == [10, 5],
                "a refused transfer must change nothing, but the balances went from [10, 5] to \(after): was money taken before the check?")
            let moving = startThread(name: "moving") { outcomes.update { $0 = [attempt(10, from: low, to: high)] } }
            #expect(
                moving.join(within: promptly) && outcomes.current == [.moved] && balances(of: [low, high]) == [0, 15],
                "after the refusals, transfer(10) from the account holding 10 should move it all (leaving [0, 15]); it \(outcomes.current.first.map(\.description) ?? "did not return") and the balances are \(balances(of: [low, high]).map { "\($0)" } ?? "unreadable")"
            )
        }

        @Test(
            "many tasks on the cooperative pool can use withLock and transfer, one at a time, losing no update and no money",
            .teaches("06-scoped-locking#scoped-locking-in-async-code"))
        func tasksOnTheCooperativePool() async {
            // A body holds its locks only while it runs and never suspends, so
            // a task blocked in withLock always waits for a task that is
            // running on another of the pool's threads: many more tasks than
            // the pool has threads cannot starve it. The tasks run at
            // `testTaskPriority`, on threads of their own; this test waits at
            // the default priority, so a deadlock among them (which blocks
            // every thread they have) still ends in a bounded failure here.
            let tasks = 32, rounds = 20
            let counter = Guarded(0)
            let occupancy = Occupancy()
            let accounts = accountsInLockOrder([10_000, 10_000])
            let (alice, bob) = (accounts[0], accounts[1])
            let finished = CountdownLatch(1)
            Task(priority: testTaskPriority) {
                await withTaskGroup(of: Void.self) { group in
                    for index in 0..<tasks {
                        group.addTask {
                            for _ in 0..<rounds {
                                _ = counter.withLock { addOne(to: &$0, watchedBy: occupancy) }
                                // Even tasks move 2 from alice to bob, odd ones 1 back.
                                if index.isMultiple(of: 2) {
                                    _ = attempt(2, from: alice, to: bob)
                                } else {
                                    _ = attempt(1, from: bob, to: alice)
                                }
                            }
                        }
                    }
                }
                finished.countDown()
            }
            guard await poll(within: promptly, { finished.isOpen }) else {
                Issue.record(
                    "\(tasks) tasks calling withLock and transfer \(rounds) times each had not finished after \(Int(promptly)) s: a deadlock between transfers in opposite directions?"
                )
                return
            }
            #expect(
                occupancy.maximum == 1,
                "\(occupancy.maximum) tasks were inside withLock at the same time")
            let totals = balances(of: [counter, alice, bob])
            let moved = tasks / 2 * rounds
            let expected = [tasks * rounds, 10_000 - 2 * moved + moved, 10_000 + 2 * moved - moved]
            #expect(
                totals == expected,
                "\(tasks) tasks each added 1 \(rounds) times, half of them moved 2 from alice to bob \(rounds) times, the other half 1 back: counter, alice and bob should be \(expected), but are \(totals.map { "\($0)" } ?? "unreadable (a lock is held)")"
            )
        }

        @Test(
            "withLock and transfer alone order every access: threads making values, adding to them and transferring between them lose nothing, and ThreadSanitizer sees no race",
            .teaches("06-scoped-locking#mutex-withlock-the-value-lives-inside-the-lock"))
        func ordersEveryAccess() {
            // Nothing but withLock and transfer orders the threads' accesses
            // here (no occupancy atomics, no other lock while they run), so the
            // ThreadSanitizer lane reports any access the locks do not order:
            // an id counter bumped without synchronization, a balance read
            // outside its lock. Each round uses fresh values that no thread
            // has touched yet: a lock made lazily on first use is made while
            // other threads race to use it.
            let rounds = 4, threads = 4, additions = 40, transfers = 100
            for round in 1...rounds {
                let counter = Guarded(0)
                let accounts = [Guarded(300), Guarded(300)]
                let made = Shared<[Guarded<Int>]>([])
                let moves = Shared<(forward: Int, back: Int)>((0, 0))
                let group = startThreads(threads) { index in
                    let mine = (0..<10).map { _ in Guarded(0) }  // ids handed out at once
                    var forward = 0, back = 0
                    for step in 0..<max(additions, transfers) {
                        if step < additions { _ = counter.withLock { addOne(to: &$0) } }
                        guard step < transfers else { continue }
                        // 7 one way, 5 the other: refused now and then.
                        if (index + step).isMultiple(of: 2) {
                            if attempt(7, from: accounts[0], to: accounts[1]) == .moved { forward += 1 }
                        } else {
                            if attempt(5, from: accounts[1], to: accounts[0]) == .moved { back += 1 }
                        }
                    }
                    made.update { $0 += mine }
                    moves.update { $0 = ($0.forward + forward, $0.back + back) }
                }
                guard group.join(within: promptly) else {
                    Issue.record(
                        "round \(round): \(threads) threads adding to a fresh Guarded and transferring between two fresh accounts had not finished after \(Int(promptly)) s"
                    )
                    return
                }
                let (forward, back) = moves.current
                let expected = [threads * additions, 300 - 7 * forward + 5 * back, 300 + 7 * forward - 5 * back]
                let total = balances(of: [counter] + accounts)
                guard total == expected else {
                    Issue.record(
                        "round \(round): \(threads) threads each added 1 \(additions) times to a fresh Guarded(0), and between two accounts holding 300 each made \(forward) transfers of 7 one way and \(back) of 5 the other; the counter and the balances should be \(expected), but are \(total.map { "\($0)" } ?? "unreadable (a lock is held)")"
                    )
                    return
                }
                let ids = made.current.map(\.id)
                guard Set(ids).count == ids.count else {
                    Issue.record(
                        "round \(round): \(threads) threads making 10 Guarded values each at once got only \(Set(ids).count) different ids out of \(ids.count)"
                    )
                    return
                }
            }
        }
    }
}
