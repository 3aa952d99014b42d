#if SOLUTIONS
import LockSolution
#else
import LockExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

/// What happened when waiters competed with a ``Barger`` for one lock.
struct BargingOutcome {
    /// Whether the barger and every waiter finished in time.
    var finished: Bool
    /// The most threads inside the critical section at once (1 is right).
    var mostInside: Int
    /// Unlocks that threw, by the barger or a waiter.
    var failedUnlocks: Int
    /// Waiters whose acquire returned `false`.
    var gaveUp: Int
}

/// Lets `waiters` threads block on a lock held by a barger, which then
/// gives it back and at once takes it again for a few rounds before it lets
/// go for good; each waiter takes the lock with `acquire` and is counted
/// inside the critical section while it holds it.
/// Stops as soon as two threads were inside at once.
func competeWithBarger(waiters: Int, _ acquire: @escaping @Sendable (Lock) -> Bool) throws -> BargingOutcome {
    let lock = Lock()
    let inside = Occupancy()
    let barger = Barger(
        occupancy: inside, rounds: 6, holdingFor: 0.01,
        take: { lock.lock() }, giveBack: { (try? lock.unlock()) != nil })
    try #require(barger.hasTaken(), "lock() on a free lock did not return within \(Int(promptly)) s")
    let failedUnlocks = Atomic<Int>(0), gaveUp = Atomic<Int>(0)
    let group = startThreads(waiters, name: "waiter") { _ in
        barger.shareCore()
        guard acquire(lock) else {
            gaveUp.add(1, ordering: .relaxed)
            return
        }
        inside.enter()
        Thread.sleep(forTimeInterval: 0.001)
        inside.leave()
        if (try? lock.unlock()) == nil { failedUnlocks.add(1, ordering: .relaxed) }
    }
    Thread.sleep(forTimeInterval: 0.05)  // the waiters block
    barger.begin()
    let finished = eventually(within: promptly) {
        inside.maximum > 1 || (barger.finish(within: 0) && group.isFinished)
    }
    return BargingOutcome(
        finished: finished && barger.finish(within: 0) && group.isFinished,
        mostInside: inside.maximum,
        failedUnlocks: failedUnlocks.load(ordering: .relaxed) + barger.failedGiveBacks,
        gaveUp: gaveUp.load(ordering: .relaxed))
}

/// Waiters that compete, wake-ups that another thread wins, callers on the
/// cooperative pool, and accesses only ThreadSanitizer can judge.
extension LockTests {
    @Test(
        "a thread blocked in lock() is woken promptly when the lock is released",
        .teaches("02-locks#condition-variables"))
    func blockedLockerIsWoken() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let acquired = Shared(0)
        let waiters = startThreads(3, name: "waiter") { _ in
            lock.lock()
            acquired.update { $0 += 1 }
            try? lock.unlock()
        }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(acquired.current == 0, "lock() returned while another thread held the lock")
        holder.release()
        #expect(
            waiters.join(within: promptly),
            "after unlock(), \(3 - acquired.current) of 3 threads waiting in lock() were never woken (lost wake-up)")
        #expect(acquired.current == 3)
    }

    @Test(
        "a thread woken in lock() checks again that the lock is free, because another thread may have taken it first",
        .teaches("02-locks#condition-variables"))
    func wokenThreadRechecks() throws {
        let outcome = try competeWithBarger(waiters: 3) {
            $0.lock(); return true
        }
        #expect(
            outcome.mostInside == 1,
            """
            a thread woken in lock() took the lock while another thread held it (\(outcome.mostInside) inside at once): \
            the thread that unlocked took the lock back before the woken one ran; wait in a `while` loop that re-checks the owner
            """)
        #expect(
            outcome.failedUnlocks == 0,
            "\(outcome.failedUnlocks) unlock() calls by the thread holding the lock threw: two threads held it at once")
        #expect(outcome.finished, "threads waiting in lock() were still waiting \(Int(promptly)) s after the last unlock()")
    }

    @Test(
        "a thread woken in lock(before:) checks again that the lock is free, and keeps waiting until its deadline",
        .teaches("02-locks#condition-variables"))
    func wokenTimedLockerRechecks() throws {
        let outcome = try competeWithBarger(waiters: 3) { $0.lock(before: Date(timeIntervalSinceNow: untilLetGo)) }
        #expect(
            outcome.mostInside == 1,
            """
            a thread woken in lock(before:) took the lock while another thread held it (\(outcome.mostInside) inside at once): \
            the thread that unlocked took the lock back before the woken one ran; wait in a `while` loop that re-checks the owner
            """)
        #expect(
            outcome.gaveUp == 0,
            """
            \(outcome.gaveUp) of 3 calls to lock(before: 15 s from now) returned false within a second: a wake-up that finds \
            the lock taken again is no reason to give up before the deadline
            """)
        #expect(
            outcome.failedUnlocks == 0,
            "\(outcome.failedUnlocks) unlock() calls by the thread holding the lock threw: two threads held it at once")
        #expect(outcome.finished, "threads waiting in lock(before:) were still waiting \(Int(promptly)) s after the last unlock()")
    }

    @Test(
        "tasks on the cooperative pool share the lock with a thread, and no update is lost",
        .teaches("02-locks#exercise"))
    func tasksShareTheLock() async throws {
        try await atTestPriority(Self.tasksShareTheLockBody)
    }

    @Sendable private static func tasksShareTheLockBody() async throws {
        // There are more tasks than the pool has threads (one per core). That
        // is safe here: a task holds the lock only between a lock(before:) or
        // tryLock() and the unlock() right after, never across an `await`, so
        // a task blocked in lock(before:) waits only for a holder that is
        // running. The thread that holds the lock first lets go on its own,
        // 0.1 s after the first task arrives, without waiting for this test's
        // task (which needs a pool thread to run); and every blocking wait
        // has a deadline, so a lost wake-up cannot starve the pool for good.
        let lock = Lock()
        let counter = UnguardedCounter()
        let inside = Occupancy()
        let holding = CountdownLatch(1), arrived = CountdownLatch(1)
        let holder = startThread(name: "holder") {
            lock.lock()
            inside.enter()
            holding.countDown()
            arrived.wait(within: untilLetGo)
            Thread.sleep(forTimeInterval: 0.1)
            inside.leave()
            try? lock.unlock()
        }
        try #require(holding.wait(within: promptly), "lock() on a free lock did not return within \(Int(promptly)) s")
        let tasks = 6, rounds = 100
        let finished = CountdownLatch(tasks)
        let failures = Shared<[String]>([])
        for index in 0..<tasks {
            Task(priority: testTaskPriority) {
                defer { finished.countDown() }
                arrived.countDown()
                let giveUp = Date(timeIntervalSinceNow: promptly)
                for round in 0..<rounds {
                    if (index + round) % 2 == 0 {
                        guard lock.lock(before: Date(timeIntervalSinceNow: promptly)) else {
                            failures.update { $0.append("lock(before: now + \(Int(promptly)) s) in a task returned false") }
                            return
                        }
                    } else {
                        while !lock.tryLock() {
                            guard Date() < giveUp else {
                                failures.update { $0.append("tryLock() in a task kept returning false for \(Int(promptly)) s") }
                                return
                            }
                            await Task.yield()  // polling leaves the thread to others
                        }
                    }
                    inside.enter()
                    counter.value += 1
                    inside.leave()
                    do { try lock.unlock() } catch {
                        failures.update { $0.append("unlock() in a task threw \(error)") }
                        return
                    }
                    if round % 10 == 0 { await Task.yield() }
                }
            }
        }
        // The tasks may wait for a pool thread while other tests run; the
        // time limit counts from the first task's start.
        try #require(await poll(within: untilLetGo) { arrived.isOpen }, "no task started")
        let done = await poll(within: 2 * promptly) { finished.isOpen && holder.isFinished }
        try #require(done, "\(tasks) tasks using the lock had not finished \(Int(2 * promptly)) s after the first started")
        #expect(failures.current.isEmpty, "\(failures.current.first ?? "")")
        #expect(inside.maximum == 1, "\(inside.maximum) tasks or threads were inside the critical section at once")
        #expect(counter.value == tasks * rounds, "the tasks counted \(counter.value) under the lock, expected \(tasks * rounds)")
    }

    @Test(
        "every way of taking the lock orders the accesses it guards: a count changed only under the lock is exact, with no data race",
        .teaches("02-locks#condition-variables"))
    func everyAcquireOrdersAccesses() throws {
        // Nothing but the lock orders one thread's update after another's:
        // no other lock or atomic inside the critical section, so under
        // ThreadSanitizer a lock that does not really synchronize (a relaxed
        // atomic, a check of `owner` outside the condition's lock) is reported.
        let lock = Lock()
        try #require(isFree(lock) == true, "tryLock() on a free lock must return true")
        let counter = UnguardedCounter()
        let failures = Atomic<Int>(0)
        let threads = 4, rounds = 300
        let giveUp = Date(timeIntervalSinceNow: promptly)
        let group = startThreads(threads) { index in
            for round in 0..<rounds {
                // Two threads always spin on tryLock(), so that its look at
                // the owner meets the other threads' changes again and again.
                switch index < 2 ? 1 : round % 4 {
                case 0:
                    lock.lock()
                case 1:
                    while !lock.tryLock() {
                        guard Date() < giveUp else { failures.add(1, ordering: .relaxed); return }
                        sched_yield()
                    }
                case 2:
                    guard lock.lock(before: Date(timeIntervalSinceNow: promptly)) else {
                        failures.add(1, ordering: .relaxed)
                        return
                    }
                default:
                    lock.withLock { counter.value += 1 }
                    continue
                }
                counter.value += 1
                if (try? lock.unlock()) == nil { failures.add(1, ordering: .relaxed) }
            }
        }
        try #require(
            group.join(within: promptly),
            "\(threads) threads taking and releasing the lock had not finished after \(Int(promptly)) s (a lost wake-up?)")
        #expect(
            failures.load(ordering: .relaxed) == 0,
            "\(failures.load(ordering: .relaxed)) attempts to take or release the lock failed although the lock was used correctly")
        #expect(counter.value == threads * rounds, "the count under the lock is \(counter.value), expected \(threads * rounds)")
    }
}
