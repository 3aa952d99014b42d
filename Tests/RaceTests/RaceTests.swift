#if SOLUTIONS
import RaceSolution
#else
import RaceExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

// The account's methods are async, so a fix may keep the class (Mutex, Atomic,
// NSLock, a serial DispatchQueue) or turn it into an actor. Each concurrent
// caller is a task whose jobs all run on a dedicated thread of its own (a
// `DedicatedThreadExecutor`), not on the shared cooperative pool. So the
// callers really run in parallel, and nothing the test harness does orders
// one caller's memory accesses before another's: handing jobs over between
// callers through a shared executor queue would be such an ordering, and it
// would hide an unprotected access from ThreadSanitizer. The only ordering
// left between callers is the one the account itself provides.

/// A task executor that runs every job on one thread of its own.
///
/// The thread waits for jobs in bounded steps and ends after ``shutDown()``
/// once its queue is empty. A job that never returns keeps it busy forever;
/// the test that started the job reports a time-out and abandons the thread.
private final class DedicatedThreadExecutor: TaskExecutor, @unchecked Sendable {
    // `jobs` and `isShutDown` are guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var isShutDown = false

    init(name: String) {
        let thread = Thread { [self] in
            Thread.current.name = name
            runJobs()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        defer { condition.unlock() }
        jobs.append(job)
        condition.signal()
    }

    /// Lets the thread end once it has run every job it was given.
    func shutDown() {
        condition.lock()
        defer { condition.unlock() }
        isShutDown = true
        condition.signal()
    }

    private func runJobs() {
        while let job = nextJob() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    private func nextJob() -> UnownedJob? {
        condition.lock()
        defer { condition.unlock() }
        while jobs.isEmpty {
            if isShutDown { return nil }
            _ = condition.wait(until: Date(timeIntervalSinceNow: 1))
        }
        return jobs.removeFirst()
    }
}

/// Holds every caller until all of them are running, so they start
/// together: a thread that starts late could otherwise find the work done.
/// It counts with a relaxed atomic, which ThreadSanitizer does not treat as
/// synchronization (a lock or an ordered atomic here would order every
/// caller's later accesses after the others' earlier ones).
private final class StartLine: Sendable {
    private let callers: Int
    private let arrived = Atomic<Int>(0)

    init(_ callers: Int) { self.callers = callers }

    /// Spins (yielding the processor, which is no synchronization either)
    /// until every caller has arrived or `seconds` pass.
    func arriveAndWait(within seconds: Double) {
        arrived.add(1, ordering: .relaxed)
        let deadline = ContinuousClock.now + .seconds(seconds)
        while arrived.load(ordering: .relaxed) < callers && ContinuousClock.now < deadline {
            sched_yield()
        }
    }
}

/// Runs `callers` tasks at once, task `index` calling `body(index)` with all
/// of its jobs on a dedicated thread of its own. The tasks are held at a
/// `StartLine` until all of them run. Waits at most `seconds` for all of
/// them to return (less than the grader's limit for one test, so that a
/// deadlock is reported by the test itself).
/// - Returns: whether every task returned in time (if not, the test has
///   already recorded an issue; the stragglers are abandoned).
@discardableResult
private func concurrently(
    _ callers: Int, within seconds: Double = 2 * promptly,
    _ body: @escaping @Sendable (_ index: Int) async -> Void
) async -> Bool {
    let finished = CountdownLatch(callers)
    let startLine = StartLine(callers)
    let executors = (0..<callers).map { DedicatedThreadExecutor(name: "caller-\($0)") }
    for (index, executor) in executors.enumerated() {
        Task(executorPreference: executor) {
            startLine.arriveAndWait(within: promptly)
            await body(index)
            finished.countDown()
        }
    }
    // Poll instead of awaiting the tasks: every wait in a test is bounded,
    // and sleeping keeps this task off the cooperative pool's threads.
    let deadline = ContinuousClock.now + .seconds(seconds)
    while !finished.isOpen && ContinuousClock.now < deadline {
        try? await Task.sleep(for: .milliseconds(2))
    }
    for executor in executors { executor.shutDown() }
    let done = finished.isOpen
    #expect(
        done, "the \(callers) concurrent callers had not all returned after \(Int(seconds)) s: a deadlock or a lost wake-up in the account?"
    )
    return done
}

@Suite("Account: concurrent deposits and withdrawals", .serialized)
struct RaceTests {
    @Test(
        "no deposit is lost when many tasks deposit at once",
        .teaches("07-race-conditions#fixing-it-with-nslock"))
    func concurrentDeposits() async {
        let tasks = 8
        let rounds = 1_000
        let account = Account()
        guard
            await concurrently(
                tasks,
                { _ in
                    for _ in 0..<rounds { await account.deposit(1) }
                })
        else { return }
        let balance = await account.balance
        #expect(
            balance == tasks * rounds,
            "\(tasks) tasks each deposited 1 \(rounds) times, but the balance is \(balance): \(tasks * rounds - balance) deposits were lost"
        )
    }

    @Test(
        "deposits and withdrawals add up, for one caller and for many at once, below zero too",
        .teaches("07-race-conditions#fixing-it-with-nslock"))
    func mixedDepositsAndWithdrawals() async {
        let fresh = Account()
        #expect(await fresh.balance == 0, "a new account should start with a balance of 0")
        let single = Account(balance: 50)
        await single.deposit(20)
        await single.withdraw(70)
        await single.withdraw(5)
        let alone = await single.balance
        #expect(alone == -5, "one caller: 50 + 20 - 70 - 5 should be -5, but the balance is \(alone)")

        // Half the callers deposit 2, half withdraw 3, so the balance ends
        // far below zero: withdrawals have no overdraft check.
        let tasks = 8
        let rounds = 1_000
        let start = 50
        let account = Account(balance: start)
        guard
            await concurrently(
                tasks,
                { index in
                    for _ in 0..<rounds {
                        if index.isMultiple(of: 2) {
                            await account.deposit(2)
                        } else {
                            await account.withdraw(3)
                        }
                    }
                })
        else { return }
        let expected = start + (tasks / 2) * rounds * 2 - (tasks / 2) * rounds * 3
        let balance = await account.balance
        #expect(
            balance == expected,
            "after \(tasks / 2 * rounds) deposits of 2 and as many withdrawals of 3 from \(start), the balance should be \(expected) but is \(balance): updates were lost"
        )
    }

    @Test(
        "the balance read while deposits run never goes backwards or out of range",
        .teaches("07-race-conditions#threadsanitizer-finds-the-race"))
    func readsDuringDeposits() async {
        let depositors = 4
        let rounds = 2_500
        let total = depositors * rounds
        let account = Account()
        let firstProblems = Shared<[String]>([])
        // Caller 0 reads in a tight loop; the depositors start once it has
        // read once, and it goes on reading until every depositor is done
        // (or `promptly` passes), then reads once more, so reads and writes overlap
        // all the way. The flags are relaxed atomics and nobody yields or
        // locks anything in between: ordered atomics, locks or task switches
        // between reader and depositors would add synchronization that hides
        // an unprotected read from ThreadSanitizer.
        let readerStarted = Atomic<Bool>(false)
        let depositorsDone = Atomic<Int>(0)
        await concurrently(1 + depositors) { index in
            guard index == 0 else {
                let deadline = ContinuousClock.now + .seconds(promptly)
                while !readerStarted.load(ordering: .relaxed) && ContinuousClock.now < deadline {}
                for _ in 0..<rounds { await account.deposit(1) }
                depositorsDone.add(1, ordering: .relaxed)
                return
            }
            let deadline = ContinuousClock.now + .seconds(promptly)
            var last = 0
            var problems: [String] = []  // the first few, kept by the reader alone
            while ContinuousClock.now < deadline {
                let finalRead = depositorsDone.load(ordering: .relaxed) == depositors
                let seen = await account.balance
                readerStarted.store(true, ordering: .relaxed)
                if (seen < last || seen > total) && problems.count < 3 {
                    problems.append("read \(seen) after \(last)")
                }
                last = max(last, seen)
                if finalRead { break }
            }
            firstProblems.update { $0 = problems }
        }
        let problems = firstProblems.current
        #expect(
            problems.isEmpty,
            "only deposits of 1 ran (\(total) in all), yet the balance went backwards or beyond the total: \(problems.joined(separator: "; "))"
        )
        let balance = await account.balance
        #expect(balance == total, "\(total) deposits of 1 left a balance of \(balance)")
    }

    @Test(
        "many tasks in a task group on the cooperative pool deposit and withdraw without losing an update",
        .teaches("07-race-conditions#fixing-it-with-an-actor"))
    func tasksOnTheCooperativePool() async throws {
        try await atTestPriority(Self.tasksOnTheCooperativePoolBody)
    }

    @Sendable private static func tasksOnTheCooperativePoolBody() async throws {
        // The ordinary way to call the account: child tasks of a task group
        // on the shared pool. A lock held only for one read-yield-write
        // never waits for a suspended task, so many more tasks than the
        // pool has threads cannot starve it.
        let tasks = 64
        let rounds = 200
        let account = Account(balance: 0)
        let finished = CountdownLatch(1)
        Task(priority: testTaskPriority) {
            await withTaskGroup(of: Void.self) { group in
                for index in 0..<tasks {
                    group.addTask {
                        for _ in 0..<rounds {
                            if index.isMultiple(of: 2) {
                                await account.deposit(5)
                            } else {
                                await account.withdraw(3)
                            }
                        }
                    }
                }
            }
            finished.countDown()
        }
        // Poll instead of awaiting the group: every wait in a test is bounded.
        let deadline = ContinuousClock.now + .seconds(2 * promptly)
        while !finished.isOpen && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
        guard finished.isOpen else {
            Issue.record("\(tasks) tasks on the cooperative pool had not finished after \(Int(2 * promptly)) s: a deadlock in the account?")
            return
        }
        let expected = (tasks / 2) * rounds * (5 - 3)
        let balance = await account.balance
        #expect(
            balance == expected,
            "\(tasks / 2) tasks deposited 5 and \(tasks / 2) withdrew 3, \(rounds) times each, so the balance should be \(expected), but it is \(balance): updates were lost"
        )
    }
}
