#if SOLUTIONS
import LockSolution
#else
import LockExercise
#endif
import CourseSupport
import Foundation
import Testing

// The suite's tests are spread over this file (exclusion, tryLock, withLock,
// misuse), LockDeadlineTests.swift (lock(before:)) and
// LockCompetitionTests.swift (waiters that compete, tasks, ThreadSanitizer).

@Suite("Lock built on NSCondition")
struct LockTests {
    @Test(
        "two threads are never inside the critical section at once, and the count is exact",
        .teaches("02-locks#nslock"))
    func mutualExclusion() {
        let lock = Lock()
        let occupancy = Occupancy()
        let counter = UnguardedCounter()
        let threads = 4, rounds = 1000
        let group = startThreads(threads) { _ in
            for _ in 0..<rounds {
                lock.lock()
                occupancy.enter()
                let seen = counter.value
                sched_yield()  // invite another thread in
                counter.value = seen + 1
                occupancy.leave()
                try? lock.unlock()
            }
        }
        guard group.join(within: promptly) else {
            Issue.record("threads were still waiting for the lock after \(Int(promptly)) s: does unlock() wake a waiting thread?")
            return
        }
        #expect(
            occupancy.maximum == 1,
            "\(occupancy.maximum) threads were inside the critical section at once; a lock allows only 1")
        #expect(
            counter.value == threads * rounds,
            "the count under the lock is \(counter.value), expected \(threads * rounds): updates were lost")
    }

    @Test(
        "tryLock() fails at once while another thread holds the lock, and succeeds when it is free",
        .teaches("02-locks#giving-up-after-a-deadline"))
    func tryLockRespectsHolder() throws {
        let lock = Lock()
        #expect(isFree(lock) == true, "tryLock() on a free lock must return true")

        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let whileHeld = onThread { lock.tryLock() }
        #expect(whileHeld != nil, "tryLock() waited while the lock was held; it must return false at once")
        #expect(whileHeld != true, "tryLock() returned true while another thread held the lock")
        holder.release()

        #expect(isFree(lock) == true, "tryLock() returned false after the lock had been released")
    }

    @Test(
        "the owner's own tryLock() and lock(before:) return false (the lock is not recursive), and one unlock() frees it",
        .teaches("02-locks#nslock"))
    func ownerCannotLockAgain() throws {
        struct Report: Sendable {
            var tryLock = true, timedLock = true
            var firstUnlock: LockError?, secondUnlock: LockError?
        }
        let lock = Lock()
        let report = onThread { () -> Report in
            var report = Report()
            lock.lock()
            report.tryLock = lock.tryLock()
            report.timedLock = lock.lock(before: Date(timeIntervalSinceNow: 0.05))
            do { try lock.unlock() } catch { report.firstUnlock = error as? LockError }
            do { try lock.unlock() } catch { report.secondUnlock = error as? LockError }
            return report
        }
        let seen = try #require(report, "the owner's tryLock() or lock(before: now + 0.05 s) had not returned after \(Int(promptly)) s")
        #expect(
            !seen.tryLock,
            "tryLock() by the thread that already holds the lock returned true; the lock is not recursive, so it must return false")
        #expect(!seen.timedLock, "lock(before:) by the thread that already holds the lock returned true; it must return false")
        #expect(seen.firstUnlock == nil, "the owner's unlock() threw \(String(describing: seen.firstUnlock))")
        #expect(
            seen.secondUnlock == .notLocked,
            "a second unlock() must throw LockError.notLocked: one unlock() frees the lock however often the owner tried to take it again")
        #expect(isFree(lock) == true, "after the owner's unlock() another thread could not take the lock")
    }

    @Test(
        "withLock returns the closure's value and releases the lock",
        .teaches("02-locks#lock-then-unlock-with-defer"))
    func withLockReturnsValue() {
        let lock = Lock()
        let value = onThread { lock.withLock { 6 * 7 } }
        #expect(value == 42, "withLock must return what its closure returns")
        #expect(isFree(lock) == true, "the lock was still held after withLock returned")
    }

    @Test(
        "withLock holds the lock while the closure runs, and releases it when the closure throws",
        .teaches("02-locks#lock-then-unlock-with-defer"))
    func withLockReleasesOnThrow() {
        let lock = Lock()
        let heldInside = onThread { lock.withLock { isHeld(lock) } }
        #expect(heldInside == .some(true), "while withLock's closure ran, another thread could take the lock")
        let caught = onThread { () -> Bool in
            do {
                try lock.withLock { throw Boom() }
                return false
            } catch {
                return error is Boom
            }
        }
        #expect(caught == true, "withLock must pass on the error its closure throws")
        #expect(isFree(lock) == true, "the lock was still held after the closure passed to withLock threw")
    }

    @Test(
        "unlock() of a lock that nobody holds throws LockError.notLocked",
        .teaches("02-locks#deadlock-a-lock-that-is-never-released"))
    func unlockWhenFree() {
        let lock = Lock()
        let outcome = onThread { () -> LockError? in
            do { try lock.unlock(); return nil } catch { return error as? LockError }
        }
        #expect(outcome == .some(.notLocked), "unlock() of a free lock must throw LockError.notLocked")
    }

    @Test(
        "unlock() by a thread that does not hold the lock throws LockError.notOwner and leaves it held",
        .teaches("02-locks#deadlock-a-lock-that-is-never-released"))
    func unlockByAnotherThread() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let outcome = onThread { () -> LockError? in
            do { try lock.unlock(); return nil } catch { return error as? LockError }
        }
        #expect(
            outcome == .some(.notOwner),
            "unlock() by a thread that does not hold the lock must throw LockError.notOwner")
        #expect(isHeld(lock) == true, "after a rejected unlock() by another thread, the lock must still be held")
        #expect(holder.release(), "the holder could not finish unlocking")
        #expect(
            holder.errorFromUnlock == nil,
            "the owner's own unlock() threw \(String(describing: holder.errorFromUnlock))")
    }
}
