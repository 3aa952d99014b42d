#if SOLUTIONS
import RaceSolution
#else
import RaceExercise
#endif
import CourseSupport
import Synchronization
import Testing

// The account's methods are async, so a fix may keep the class (Mutex, Atomic,
// NSLock, a serial DispatchQueue) or turn it into an actor. The concurrent
// callers are child tasks of a task group: on this machine the cooperative
// pool runs two of them in parallel, and the yield inside the stub's
// read-modify-write lets them interleave.

/// Runs `tasks` child tasks at once, each calling `body(taskIndex)`.
private func concurrently(
    _ tasks: Int, _ body: @escaping @Sendable (Int) async -> Void
) async {
    await withTaskGroup(of: Void.self) { group in
        for index in 0..<tasks {
            group.addTask { await body(index) }
        }
    }
}

@Suite("Account: concurrent deposits and withdrawals", .serialized)
struct RaceTests {
    @Test("a single caller's deposits and withdrawals add up",
          .teaches("06-race-conditions#watching-updates-get-lost"))
    func sequentialArithmetic() async {
        let fresh = Account()
        #expect(await fresh.balance == 0, "a new account should start with a balance of 0")
        let account = Account(balance: 50)
        await account.deposit(20)
        await account.withdraw(70)
        await account.withdraw(5)
        let balance = await account.balance
        #expect(balance == -5, "50 + 20 - 70 - 5 should be -5, but the balance is \(balance)")
    }

    @Test("no deposit is lost when many tasks deposit at once",
          .teaches("06-race-conditions#fixing-it-with-nslock"))
    func concurrentDeposits() async {
        let tasks = 8
        let rounds = 1_000
        let account = Account()
        await concurrently(tasks) { _ in
            for _ in 0..<rounds { await account.deposit(1) }
        }
        let balance = await account.balance
        #expect(balance == tasks * rounds,
                "\(tasks) tasks each deposited 1 \(rounds) times, but the balance is \(balance): \(tasks * rounds - balance) deposits were lost")
    }

    @Test("deposits and withdrawals running at once leave the exact balance",
          .teaches("06-race-conditions#fixing-it-with-nslock"))
    func mixedDepositsAndWithdrawals() async {
        let tasks = 8
        let rounds = 1_000
        let start = 1_000
        let account = Account(balance: start)
        await concurrently(tasks) { index in
            for _ in 0..<rounds {
                if index.isMultiple(of: 2) {
                    await account.deposit(3)
                } else {
                    await account.withdraw(2)
                }
            }
        }
        let expected = start + (tasks / 2) * rounds * 3 - (tasks / 2) * rounds * 2
        let balance = await account.balance
        #expect(balance == expected,
                "after \(tasks / 2 * rounds) deposits of 3 and as many withdrawals of 2 from \(start), the balance should be \(expected) but is \(balance): updates were lost")
    }

    @Test("the balance read while deposits run never goes backwards or out of range",
          .teaches("06-race-conditions#threadsanitizer-finds-the-race"))
    func readsDuringDeposits() async {
        let depositors = 4
        let rounds = 4_000
        let total = depositors * rounds
        let account = Account()
        let problems = Shared<[String]>([])
        // Task 0 reads in a tight loop until it sees every deposit or 3 s
        // pass; the others start depositing once it is reading. The reader
        // neither yields nor uses ordered atomics: either would add
        // synchronization that hides an unprotected read from ThreadSanitizer.
        let readers = 1
        let readerStarted = Atomic<Bool>(false)
        await concurrently(depositors + readers) { index in
            guard index < readers else {
                while !readerStarted.load(ordering: .relaxed) { await Task.yield() }
                for _ in 0..<rounds { await account.deposit(1) }
                return
            }
            readerStarted.store(true, ordering: .relaxed)
            let deadline = ContinuousClock.now + .seconds(3)
            var last = 0
            while last < total && ContinuousClock.now < deadline {
                let seen = await account.balance
                if seen < last || seen > total {
                    problems.update {
                        $0.append("read \(seen) after \(last)")
                    }
                }
                last = max(last, seen)
            }
        }
        let seen = problems.current
        #expect(seen.isEmpty,
                "only deposits of 1 ran (\(total) in all), yet the balance went backwards or beyond the total: \(seen.prefix(3).joined(separator: "; "))")
        let balance = await account.balance
        #expect(balance == total, "\(total) deposits of 1 left a balance of \(balance)")
    }
}
