#if SOLUTIONS
import LockSolution
#else
import LockExercise
#endif
import CourseSupport
import Foundation
import Testing

/// A plain counter with no protection of its own: only the lock under test
/// keeps two threads from updating it at once.
final class UnguardedCounter: @unchecked Sendable {
    var value = 0
}

/// Holds a `Lock` on a dedicated thread until told to let go.
final class LockHolder: Sendable {
    private let acquired = CountdownLatch(1)
    private let letGo = CountdownLatch(1)
    private let unlockError = Shared<LockError?>(nil)
    private let thread: ThreadGroup

    /// Starts a thread that locks `lock` and keeps it until ``release()``.
    init(_ lock: Lock) {
        let acquired = self.acquired, letGo = self.letGo, unlockError = self.unlockError
        thread = startThread(name: "holder") {
            lock.lock()
            acquired.countDown()
            letGo.wait(within: untilLetGo)
            do { try lock.unlock() } catch { unlockError.update { $0 = error as? LockError } }
        }
    }

    /// Whether the holder thread got the lock within `seconds`.
    func hasLock(within seconds: Double = promptly) -> Bool { acquired.wait(within: seconds) }

    /// Tells the holder to unlock and waits (bounded) until it has.
    /// - Returns: whether the holder finished unlocking in time.
    @discardableResult
    func release(within seconds: Double = promptly) -> Bool {
        letGo.countDown()
        return thread.join(within: seconds)
    }

    /// The error the holder's own `unlock()` threw, if any.
    var errorFromUnlock: LockError? { unlockError.current }
}

/// Runs `body` on a dedicated thread and waits at most `seconds` for it.
/// - Returns: the body's result, or `nil` if it was still running.
func onThread<T: Sendable>(within seconds: Double = promptly, _ body: @escaping @Sendable () -> T) -> T? {
    let result = Shared<T?>(nil)
    let group = startThread { let value = body(); result.update { $0 = value } }
    guard group.join(within: seconds) else { return nil }
    return result.current
}

struct Boom: Error {}

@Suite("Lock built on NSCondition")
struct LockTests {
    @Test("two threads are never inside the critical section at once, and the count is exact",
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
                sched_yield()                  // invite another thread in
                counter.value = seen + 1
                occupancy.leave()
                try? lock.unlock()
            }
        }
        guard group.join(within: promptly) else {
            Issue.record("threads were still waiting for the lock after \(Int(promptly)) s: does unlock() wake a waiting thread?")
            return
        }
        #expect(occupancy.maximum == 1,
                "\(occupancy.maximum) threads were inside the critical section at once; a lock allows only 1")
        #expect(counter.value == threads * rounds,
                "the count under the lock is \(counter.value), expected \(threads * rounds): updates were lost")
    }

    @Test("tryLock() fails at once while another thread holds the lock, and succeeds when it is free",
          .teaches("02-locks#giving-up-after-a-deadline"))
    func tryLockRespectsHolder() throws {
        let lock = Lock()
        let onFree = onThread { () -> Bool in
            let got = lock.tryLock()
            if got { try? lock.unlock() }
            return got
        }
        #expect(onFree == true, "tryLock() on a free lock must return true")

        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let whileHeld = onThread { lock.tryLock() }
        #expect(whileHeld != nil, "tryLock() waited while the lock was held; it must return false at once")
        #expect(whileHeld != true, "tryLock() returned true while another thread held the lock")
        holder.release()

        let afterRelease = onThread { () -> Bool in
            let got = lock.tryLock()
            if got { try? lock.unlock() }
            return got
        }
        #expect(afterRelease == true, "tryLock() returned false after the lock had been released")
    }

    @Test("lock(before:) gives up at its deadline while another thread holds the lock",
          .teaches("02-locks#giving-up-after-a-deadline"))
    func timedLockTimesOut() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        defer { holder.release() }
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let attempt = onThread(within: promptly) { () -> (Bool, Double) in
            let start = Date()
            let got = lock.lock(before: start.addingTimeInterval(0.2))
            return (got, Date().timeIntervalSince(start))
        }
        let (got, waited) = try #require(attempt, "lock(before: now + 0.2 s) was still waiting after \(Int(promptly)) s")
        #expect(!got, "lock(before:) returned true while another thread held the lock")
        #expect(waited >= 0.18,
                "lock(before: now + 0.2 s) gave up after only \(waited) s; it must wait until the deadline")
        #expect(waited < 1.5, "lock(before: now + 0.2 s) took \(waited) s to give up: the deadline must end the wait")
    }

    @Test("lock(before:) succeeds promptly when the lock is released before the deadline",
          .teaches("02-locks#giving-up-after-a-deadline"))
    func timedLockSucceedsOnRelease() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let result = Shared<Bool?>(nil)
        let waiter = startThread {
            let got = lock.lock(before: Date(timeIntervalSinceNow: 30))
            result.update { $0 = got }
            if got { try? lock.unlock() }
        }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(result.current == nil, "lock(before:) returned while another thread held the lock")
        holder.release()
        #expect(waiter.join(within: promptly),
                "lock(before:) was not woken within \(Int(promptly)) s of unlock(); the deadline was 30 s away")
        #expect(result.current == true, "lock(before:) returned false although the lock was released in time")
    }

    @Test("a thread blocked in lock() is woken promptly when the lock is released",
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
        #expect(waiters.join(within: promptly),
                "after unlock(), \(3 - acquired.current) of 3 threads waiting in lock() were never woken (lost wake-up)")
        #expect(acquired.current == 3)
    }

    @Test("a thread woken in lock() checks again that the lock is free before taking it",
          .teaches("02-locks#condition-variables"))
    func wokenThreadRechecks() {
        // The holder unlocks and at once locks again, "barging" in before the
        // woken waiter runs. A waiter that does not re-check takes the lock
        // too, and both are inside at once. The race is tried a few times.
        for _ in 0..<6 {
            let lock = Lock()
            let inside = Occupancy()
            let holding = CountdownLatch(1)
            let holder = startThread(name: "barger") {
                lock.lock()
                holding.countDown()
                Thread.sleep(forTimeInterval: 0.03)    // the waiter blocks meanwhile
                try? lock.unlock()
                lock.lock()                            // barge back in at once
                inside.enter()
                Thread.sleep(forTimeInterval: 0.04)
                inside.leave()
                try? lock.unlock()
            }
            holding.wait(within: promptly)
            let waiter = startThread(name: "waiter") {
                lock.lock()
                inside.enter()
                Thread.sleep(forTimeInterval: 0.01)
                inside.leave()
                try? lock.unlock()
            }
            guard holder.join(within: promptly), waiter.join(within: promptly) else {
                Issue.record("threads were still waiting for the lock after \(Int(promptly)) s: does unlock() wake a waiting thread?")
                return
            }
            if inside.maximum > 1 {
                Issue.record("""
                    a thread woken in lock() took the lock while another thread held it: \
                    wait in a `while` loop that re-checks the owner
                    """)
                return
            }
        }
    }

    @Test("withLock returns the closure's value and releases the lock",
          .teaches("02-locks#lock-then-unlock-with-defer"))
    func withLockReturnsValue() {
        let lock = Lock()
        let value = onThread { lock.withLock { 6 * 7 } }
        #expect(value == 42, "withLock must return what its closure returns")
        let free = onThread { () -> Bool in
            let got = lock.tryLock()
            if got { try? lock.unlock() }
            return got
        }
        #expect(free == true, "the lock was still held after withLock returned")
    }

    @Test("withLock releases the lock when the closure throws",
          .teaches("02-locks#lock-then-unlock-with-defer"))
    func withLockReleasesOnThrow() {
        let lock = Lock()
        let caught = onThread { () -> Bool in
            do {
                try lock.withLock { throw Boom() }
                return false
            } catch {
                return error is Boom
            }
        }
        #expect(caught == true, "withLock must pass on the error its closure throws")
        let free = onThread { () -> Bool in
            let got = lock.tryLock()
            if got { try? lock.unlock() }
            return got
        }
        #expect(free == true, "the lock was still held after the closure passed to withLock threw")
    }

    @Test("unlock() of a lock that nobody holds throws LockError.notLocked",
          .teaches("02-locks#deadlock-a-lock-that-is-never-released"))
    func unlockWhenFree() {
        let lock = Lock()
        let outcome = onThread { () -> LockError? in
            do { try lock.unlock(); return nil } catch { return error as? LockError }
        }
        #expect(outcome == .some(.notLocked), "unlock() of a free lock must throw LockError.notLocked")
    }

    @Test("unlock() by a thread that does not hold the lock throws LockError.notOwner and leaves it held",
          .teaches("02-locks#deadlock-a-lock-that-is-never-released"))
    func unlockByAnotherThread() throws {
        let lock = Lock()
        let holder = LockHolder(lock)
        try #require(holder.hasLock(), "lock() on a free lock did not return within \(Int(promptly)) s")
        let outcome = onThread { () -> LockError? in
            do { try lock.unlock(); return nil } catch { return error as? LockError }
        }
        #expect(outcome == .some(.notOwner),
                "unlock() by a thread that does not hold the lock must throw LockError.notOwner")
        let stolen = onThread { lock.tryLock() }
        #expect(stolen == false, "after a rejected unlock() by another thread, the lock must still be held")
        #expect(holder.release(), "the holder could not finish unlocking")
        #expect(holder.errorFromUnlock == nil,
                "the owner's own unlock() threw \(String(describing: holder.errorFromUnlock))")
    }
}
