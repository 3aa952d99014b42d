#if SOLUTIONS
import LockSolution
#else
import LockExercise
#endif
import CourseSupport
import Foundation
import Testing

/// `lock(before:)`: the deadline is a fixed moment; it ends the wait, and
/// only the wait. A lock that is free is taken whatever the deadline says.
extension LockTests {
    @Test(
        "lock(before:) gives up at its deadline while another thread holds the lock",
        .teaches("02-locks#giving-up-after-a-deadline"))
    func timedLockTimesOut() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        defer { holder.release() }
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let attempt = onThread { () -> (Bool, Double) in
            let start = Date()
            let got = lock.lock(before: start.addingTimeInterval(0.2))
            return (got, seconds(since: start))
        }
        let (got, waited) = try #require(attempt, "lock(before: now + 0.2 s) was still waiting after \(Int(promptly)) s")
        #expect(!got, "lock(before:) returned true while another thread held the lock")
        #expect(
            waited >= 0.18,
            "lock(before: now + 0.2 s) gave up after only \(waited) s; it must wait until the deadline")
        #expect(waited < 1.5, "lock(before: now + 0.2 s) took \(waited) s to give up: the deadline must end the wait")
    }

    @Test(
        "lock(before:) with a deadline a year away succeeds promptly when the lock is released",
        .teaches("02-locks#giving-up-after-a-deadline"))
    func timedLockSucceedsOnRelease() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let result = Shared<Bool?>(nil)
        let waiter = startThread(name: "waiter") {
            let got = lock.lock(before: Date(timeIntervalSinceNow: 365 * 86_400))
            result.update { $0 = got }
            if got { try? lock.unlock() }
        }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(result.current == nil, "lock(before:) returned while another thread held the lock")
        holder.release()
        #expect(
            waiter.join(within: promptly),
            "lock(before: a year from now) was not woken within \(Int(promptly)) s of unlock()")
        #expect(result.current == true, "lock(before:) returned false although the lock was released in time")
    }

    @Test(
        "lock(before:) with a deadline already past takes a free lock, and returns false at once on a held one",
        .teaches("02-locks#giving-up-after-a-deadline"))
    func timedLockWithPastDeadline() throws {
        let lock = Lock()
        let holder = LockHolder(lock) { $0.lock(before: Date(timeIntervalSinceNow: -1)) }
        try #require(
            holder.hasLock(),
            "lock(before: a second ago) on a free lock must take it and return true: the deadline only limits waiting")
        let attempt = onThread { () -> (Bool, Double) in
            let start = Date()
            return (lock.lock(before: start.addingTimeInterval(-1)), seconds(since: start))
        }
        let (got, waited) = try #require(attempt, "lock(before: a second ago) on a held lock was still waiting after \(Int(promptly)) s")
        #expect(!got, "lock(before: a second ago) returned true while another thread held the lock")
        #expect(waited < 0.5, "lock(before: a second ago) on a held lock took \(waited) s; its deadline had already passed")
        #expect(holder.release(), "the thread that took the lock with lock(before:) could not unlock it")
        #expect(
            holder.errorFromUnlock == nil,
            "unlock() after lock(before:) threw \(String(describing: holder.errorFromUnlock))")
    }

    @Test(
        "lock(before:) gives up at its deadline, not before and not later, while the lock keeps changing hands",
        .teaches("02-locks#condition-variables"))
    func timedLockDeadlineIsFixed() throws {
        // The barger gives the lock back and takes it again every 0.15 s, so
        // the waiter is woken again and again and finds the lock taken. Its
        // deadline, 0.2 s away, must still end the wait.
        let lock = Lock()
        let inside = Occupancy()
        let barger = Barger(
            occupancy: inside, rounds: 6, holdingFor: 0.15,
            take: { lock.lock() }, giveBack: { (try? lock.unlock()) != nil })
        defer { barger.stopEarly(); barger.finish() }
        try #require(barger.hasTaken(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let outcome = Shared<(got: Bool, waited: Double)?>(nil)
        let waiter = startThread(name: "waiter") {
            barger.shareCore()
            let start = Date()
            let got = lock.lock(before: start.addingTimeInterval(0.2))
            let waited = seconds(since: start)
            if got {
                inside.enter()
                inside.leave()
                try? lock.unlock()
            }
            outcome.update { $0 = (got, waited) }
        }
        Thread.sleep(forTimeInterval: 0.01)
        barger.begin()
        try #require(
            waiter.join(within: promptly),
            "lock(before: now + 0.2 s) had not returned after \(Int(promptly)) s while the lock changed hands every 0.15 s")
        let (got, waited) = try #require(outcome.current)
        #expect(inside.maximum == 1, "lock(before:) returned true while another thread held the lock")
        #expect(
            waited < 0.55,
            """
            lock(before: now + 0.2 s) returned after \(waited) s while the lock kept changing hands: \
            a wake-up must not push the deadline back (wait until the same `limit` every time)
            """)
        if !got {
            #expect(
                waited >= 0.19,
                """
                lock(before: now + 0.2 s) gave up after \(waited) s, before its deadline: when a wake-up finds \
                the lock taken again, wait again (in a `while` loop) until the deadline
                """)
        }
    }

    @Test(
        "after lock(before:) gives up, unlock() still wakes every thread waiting in lock(), and the lock can be taken again",
        .teaches("02-locks#giving-up-after-a-deadline"))
    func timedOutWaitLeavesNothingBehind() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let acquired = Shared(0)
        let timedOut = CountdownLatch(1)
        let gaveUp = Shared<Bool?>(nil)
        let blocked = startThread(name: "waiter") {
            lock.lock()
            acquired.update { $0 += 1 }
            try? lock.unlock()
        }
        Thread.sleep(forTimeInterval: 0.02)  // the first waiter blocks in lock()
        let retrier = startThread(name: "retrier") {
            let got = lock.lock(before: Date(timeIntervalSinceNow: 0.1))
            gaveUp.update { $0 = !got }
            timedOut.countDown()
            if got { try? lock.unlock(); return }
            lock.lock()  // after giving up, wait without a deadline
            acquired.update { $0 += 1 }
            try? lock.unlock()
        }
        try #require(timedOut.wait(within: promptly), "lock(before: now + 0.1 s) had not returned after \(Int(promptly)) s")
        try #require(gaveUp.current == true, "lock(before:) returned true while another thread held the lock")
        Thread.sleep(forTimeInterval: 0.02)  // the retrier blocks in lock()
        #expect(acquired.current == 0, "lock() returned while another thread held the lock")
        holder.release()
        #expect(
            blocked.join(within: promptly) && retrier.join(within: promptly),
            """
            after a lock(before:) had given up, \(2 - acquired.current) of 2 threads waiting in lock() \
            were not woken within \(Int(promptly)) s of unlock(): a wait that timed out must leave nothing behind
            """)
        #expect(isFree(lock) == true, "after every thread had unlocked, tryLock() could not take the lock")
    }
}
