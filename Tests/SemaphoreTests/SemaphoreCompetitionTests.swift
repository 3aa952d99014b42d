#if SOLUTIONS
import SemaphoreSolution
#else
import SemaphoreExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

/// What happened when waiters competed with a ``Barger`` for one permit.
struct BargingOutcome {
    /// Whether the barger and every waiter finished in time.
    var finished: Bool
    /// The most threads holding the permit at once (1 is right).
    var mostInside: Int
    /// Waiters whose acquire returned `false`.
    var gaveUp: Int
}

/// Lets `waiters` threads block on a one-permit semaphore whose permit a
/// barger holds; the barger then gives it back and at once takes it again
/// for a few rounds before it lets go for good. Each waiter takes the permit
/// with `acquire`, is counted inside while it holds it, and gives it back.
/// Stops as soon as two threads held the permit at once.
func competeWithBarger(waiters: Int, _ acquire: @escaping @Sendable (CountingSemaphore) -> Bool) throws -> BargingOutcome {
    let semaphore = CountingSemaphore(permits: 1)
    let inside = Occupancy()
    let barger = Barger(
        occupancy: inside, rounds: 6, holdingFor: 0.01,
        take: { semaphore.acquire() },
        giveBack: {
            semaphore.release(); return true
        })
    try #require(barger.hasTaken(), "acquire() of a free permit did not return within \(Int(promptly)) s")
    let gaveUp = Atomic<Int>(0)
    let group = startThreads(waiters, name: "waiter") { _ in
        barger.shareCore()
        guard acquire(semaphore) else {
            gaveUp.add(1, ordering: .relaxed)
            return
        }
        inside.enter()
        Thread.sleep(forTimeInterval: 0.001)
        inside.leave()
        semaphore.release()
    }
    Thread.sleep(forTimeInterval: 0.05)  // the waiters block
    barger.begin()
    let finished = eventually(within: promptly) {
        inside.maximum > 1 || (barger.finish(within: 0) && group.isFinished)
    }
    return BargingOutcome(
        finished: finished && barger.finish(within: 0) && group.isFinished,
        mostInside: inside.maximum, gaveUp: gaveUp.load(ordering: .relaxed))
}

/// Waiters that compete, wake-ups that another thread wins, timeouts under
/// repeated wake-ups, callers on the cooperative pool, and accesses only
/// ThreadSanitizer can judge.
extension SemaphoreTests {
    @Test(
        "a thread woken in acquire() checks again that a permit is free, because another thread may have taken it first",
        .teaches("04-semaphores#starvation"))
    func wokenAcquirerRechecks() throws {
        let outcome = try competeWithBarger(waiters: 3) {
            $0.acquire(); return true
        }
        #expect(
            outcome.mostInside == 1,
            """
            a thread woken in acquire() took a permit that another thread had taken back first (\(outcome.mostInside) \
            threads held the only permit at once): wait in a `while` loop that re-checks the count
            """)
        #expect(outcome.finished, "threads waiting in acquire() were still waiting \(Int(promptly)) s after the last release()")
    }

    @Test(
        "a thread woken in tryAcquire(timeout:) checks again that a permit is free, and keeps waiting until its timeout",
        .teaches("04-semaphores#starvation"))
    func wokenTryAcquirerRechecks() throws {
        let outcome = try competeWithBarger(waiters: 3) { $0.tryAcquire(timeout: untilLetGo) }
        #expect(
            outcome.mostInside == 1,
            """
            a thread woken in tryAcquire(timeout:) took a permit that another thread had taken back first \
            (\(outcome.mostInside) threads held the only permit at once): wait in a `while` loop that re-checks the count
            """)
        #expect(
            outcome.gaveUp == 0,
            """
            \(outcome.gaveUp) of 3 calls to tryAcquire(timeout: 15) returned false within a second: a wake-up that \
            finds the permit taken again is no reason to give up before the timeout
            """)
        #expect(outcome.finished, "threads waiting in tryAcquire(timeout:) were still waiting \(Int(promptly)) s after the last release()")
    }

    @Test(
        "tryAcquire(timeout:) gives up at its timeout, not before and not later, while the permit keeps changing hands",
        .teaches("04-semaphores#waiting-with-a-time-limit"))
    func tryAcquireTimeoutIsFixed() throws {
        // The barger gives the permit back and takes it again every 0.15 s,
        // so the waiter is woken again and again and finds it taken. Its
        // timeout, 0.2 s, must still end the wait.
        let semaphore = CountingSemaphore(permits: 1)
        let inside = Occupancy()
        let barger = Barger(
            occupancy: inside, rounds: 6, holdingFor: 0.15,
            take: { semaphore.acquire() },
            giveBack: {
                semaphore.release(); return true
            })
        defer { barger.stopEarly(); barger.finish() }
        try #require(barger.hasTaken(), "acquire() of a free permit did not return within \(Int(promptly)) s")
        let outcome = Shared<(got: Bool, waited: Double)?>(nil)
        let waiter = startThread(name: "waiter") {
            barger.shareCore()
            let start = Date()
            let got = semaphore.tryAcquire(timeout: 0.2)
            let waited = Date().timeIntervalSince(start)
            if got {
                inside.enter()
                inside.leave()
                semaphore.release()
            }
            outcome.update { $0 = (got, waited) }
        }
        Thread.sleep(forTimeInterval: 0.01)
        barger.begin()
        try #require(
            waiter.join(within: promptly),
            "tryAcquire(timeout: 0.2) had not returned after \(Int(promptly)) s while the permit changed hands every 0.15 s")
        let (got, waited) = try #require(outcome.current)
        #expect(inside.maximum == 1, "tryAcquire(timeout:) returned true while another thread held the only permit")
        #expect(
            waited < 0.55,
            """
            tryAcquire(timeout: 0.2) returned after \(waited) s while the permit kept changing hands: a wake-up must \
            not restart the timeout (compute the deadline once, before the loop)
            """)
        if !got {
            #expect(
                waited >= 0.19,
                """
                tryAcquire(timeout: 0.2) gave up after \(waited) s, before its timeout: when a wake-up finds the \
                permit taken again, wait again (in a `while` loop) until the deadline
                """)
        }
    }

    @Test(
        "after tryAcquire(timeout:) gives up, release() still wakes every thread waiting in acquire(), and exactly the permits given back are free",
        .teaches("04-semaphores#waiting-with-a-time-limit"))
    func timedOutWaitLeavesNothingBehind() throws {
        let semaphore = CountingSemaphore(permits: 1)
        semaphore.acquire()
        let acquired = Shared(0)
        let timedOut = CountdownLatch(1)
        let gaveUp = Shared<Bool?>(nil)
        let blocked = startThread(name: "waiter") {
            semaphore.acquire()
            acquired.update { $0 += 1 }
            semaphore.release()
        }
        Thread.sleep(forTimeInterval: 0.02)  // the first waiter blocks in acquire()
        let retrier = startThread(name: "retrier") {
            let got = semaphore.tryAcquire(timeout: 0.1)
            gaveUp.update { $0 = !got }
            timedOut.countDown()
            if got { semaphore.release(); return }
            semaphore.acquire()  // after giving up, wait without a timeout
            acquired.update { $0 += 1 }
            semaphore.release()
        }
        try #require(timedOut.wait(within: promptly), "tryAcquire(timeout: 0.1) had not returned after \(Int(promptly)) s")
        try #require(gaveUp.current == true, "tryAcquire(timeout:) returned true although the only permit was held")
        Thread.sleep(forTimeInterval: 0.02)  // the retrier blocks in acquire()
        #expect(acquired.current == 0, "acquire() returned although the only permit was held")
        semaphore.release()
        #expect(
            blocked.join(within: promptly) && retrier.join(within: promptly),
            """
            after a tryAcquire(timeout:) had given up, \(2 - acquired.current) of 2 threads waiting in acquire() were \
            not woken within \(Int(promptly)) s of release(): a wait that timed out must leave nothing behind
            """)
        let free = freePermits({ semaphore.tryAcquire(timeout: $0) }, limit: 2)
        #expect(free == 1, "afterwards \(free) permits could be taken instead of 1")
    }

    @Test(
        "tryAcquire(timeout:) with a timeout of 0 or below takes a free permit, and with a timeout of a year is woken by a release",
        .teaches("04-semaphores#waiting-with-a-time-limit"))
    func tryAcquireTimeoutEdges() throws {
        let semaphore = CountingSemaphore(permits: 2)
        #expect(semaphore.tryAcquire(timeout: 0), "tryAcquire(timeout: 0) returned false although a permit was free")
        #expect(
            semaphore.tryAcquire(timeout: -1),
            "tryAcquire(timeout: -1) returned false although a permit was free: the timeout only limits waiting")
        let start = Date()
        #expect(!semaphore.tryAcquire(timeout: -1), "tryAcquire(timeout: -1) returned true although no permit was free")
        #expect(Date().timeIntervalSince(start) < 0.5, "tryAcquire(timeout: -1) waited although its timeout had already passed")
        let got = Shared<Bool?>(nil)
        let waiter = startThread(name: "waiter") {
            let taken = semaphore.tryAcquire(timeout: 365 * 86_400)
            got.update { $0 = taken }
        }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(got.current == nil, "tryAcquire(timeout: a year) returned although no permit was free")
        semaphore.release()
        #expect(waiter.join(within: promptly), "tryAcquire(timeout: a year) was not woken within \(Int(promptly)) s of a release()")
        #expect(got.current == true, "tryAcquire(timeout: a year) returned false although a permit was released")
    }

    @Test(
        "one thread may hold several permits, and any thread may give them back",
        .teaches("04-semaphores#a-bouncer-with-a-clicker"))
    func permitsBelongToNobody() throws {
        let semaphore = CountingSemaphore(permits: 2)
        let holder = startThread(name: "holder") {
            semaphore.acquire()
            semaphore.acquire()
        }
        try #require(holder.join(within: promptly), "one thread could not take both permits of a semaphore with 2")
        let third = startThread(name: "third") { semaphore.acquire() }
        #expect(!third.join(within: 0.1), "a third acquire() returned while one thread held both permits")
        let releaser = startThread(name: "releaser") {
            semaphore.release()
            semaphore.release()
        }
        #expect(releaser.join(within: promptly), "release() by a thread that never acquired did not return")
        #expect(third.join(within: promptly), "release() by another thread did not let a waiting acquire() go on")
        let free = freePermits({ semaphore.tryAcquire(timeout: $0) }, limit: 3)
        #expect(
            free == 1, "after 2 permits were taken by one thread, given back by another and 1 taken again, \(free) were free instead of 1")
    }

    @Test(
        "a thread blocked in a bounded semaphore's acquire() goes on after a release()",
        .teaches("04-semaphores#releasing-too-often"))
    func boundedReleaseWakesWaiter() {
        let semaphore = BoundedSemaphore(permits: 1)
        semaphore.acquire()
        let acquirer = startThread { semaphore.acquire() }
        #expect(!acquirer.join(within: 0.1), "acquire() returned although the only permit was held")
        #expect(throws: Never.self, "release() after an acquire() threw") { try semaphore.release() }
        #expect(
            acquirer.join(within: promptly),
            "a thread blocked in a bounded semaphore's acquire() was still waiting \(Int(promptly)) s after release()")
    }
}
