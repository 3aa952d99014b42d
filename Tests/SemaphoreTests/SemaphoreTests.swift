#if SOLUTIONS
import SemaphoreSolution
#else
import SemaphoreExercise
#endif
import CourseSupport
import Foundation
import Testing

private struct Boom: Error {}

/// Takes permits with `tryAcquire(timeout: 0)` until one is refused or
/// `limit` have been taken, and returns how many were taken.
func freePermits(_ take: (Double) -> Bool, limit: Int) -> Int {
    var taken = 0
    while taken < limit, take(0) { taken += 1 }
    return taken
}

@Suite("Counting and bounded semaphores")
struct SemaphoreTests {
    @Test(
        "never more than n threads hold a permit at once",
        .teaches("04-semaphores#ten-workers-five-permits"))
    func occupancyNeverExceedsPermits() {
        let permits = 3
        let semaphore = CountingSemaphore(permits: permits)
        let occupancy = Occupancy()
        let workers = startThreads(8) { _ in
            for round in 0..<100 {
                semaphore.acquire()
                occupancy.enter()
                if round % 4 == 0 { sched_yield() }
                occupancy.leave()
                semaphore.release()
            }
        }
        #expect(
            workers.join(within: promptly),
            "8 threads taking and returning permits did not finish within \(Int(promptly)) s (a lost wake-up or a leaked permit?)")
        #expect(
            occupancy.maximum <= permits,
            "\(occupancy.maximum) threads held a permit at the same time, but the semaphore has only \(permits)")
    }

    @Test(
        "n threads can hold permits at the same time, and one more waits until a permit is given back",
        .teaches("04-semaphores#ten-workers-five-permits"))
    func allPermitsCanBeHeldTogether() throws {
        let permits = 3
        let semaphore = CountingSemaphore(permits: permits)
        let allInside = CountdownLatch(permits)
        let letGo = CountdownLatch(1)
        let holders = startThreads(permits) { _ in
            semaphore.acquire()
            allInside.countDown()
            letGo.wait(within: untilLetGo)
            semaphore.release()
        }
        defer { letGo.countDown(); holders.join(within: promptly) }
        try #require(
            allInside.wait(within: promptly),
            "\(permits) threads could not all hold a permit at once although the semaphore has \(permits) permits")
        let extra = startThread(name: "one-too-many") { semaphore.acquire() }
        #expect(!extra.join(within: 0.1), "an acquire() returned while all \(permits) permits were held")
        letGo.countDown()
        #expect(extra.join(within: promptly), "an acquire() waiting for a permit was not woken when the holders gave theirs back")
    }

    @Test(
        "a thread blocked in acquire goes on promptly after a release",
        .teaches("04-semaphores#a-bouncer-with-a-clicker"))
    func releaseWakesBlockedAcquirer() {
        let semaphore = CountingSemaphore(permits: 1)
        semaphore.acquire()
        let acquirer = startThread { semaphore.acquire() }
        #expect(
            !acquirer.join(within: 0.2),
            "acquire() returned although the only permit was held by another thread")
        semaphore.release()
        #expect(
            acquirer.join(within: promptly),
            "a thread blocked in acquire() was still waiting \(Int(promptly)) s after a release(): the wake-up was lost")
    }

    @Test(
        "several blocked acquirers all go on when permits are released in a burst, before any of them has run",
        .teaches("04-semaphores#a-bouncer-with-a-clicker"))
    func releasesWakeEveryBlockedAcquirer() throws {
        // The releases come faster than a woken thread can run, so the count
        // goes up by several before anyone takes a permit: each release must
        // wake a waiter of its own, not only the one that found the count 0.
        // A woken thread that wins the lock between two releases hides that
        // bug for one release, so two threads release at once and the burst
        // is repeated: a semaphore that loses wake-ups cannot win every time.
        let rounds = 8
        let waiters = 8
        for round in 1...rounds {
            let semaphore = CountingSemaphore(permits: 0)
            let gotOne = Shared(0)
            let acquirers = startThreads(waiters) { index in
                if index % 2 == 0 {
                    semaphore.acquire()
                } else if !semaphore.tryAcquire(timeout: untilLetGo) {
                    return
                }
                gotOne.update { $0 += 1 }
            }
            Thread.sleep(forTimeInterval: 0.05)
            try #require(gotOne.current == 0, "acquire() or tryAcquire(timeout:) returned a permit although the semaphore had none")
            let releasers = startThreads(2, name: "releaser") { _ in
                for _ in 0..<(waiters / 2) { semaphore.release() }
            }
            try #require(releasers.join(within: promptly), "release() did not return within \(Int(promptly)) s")
            try #require(
                acquirers.join(within: promptly),
                """
                in burst \(round) of \(rounds), after \(waiters) releases in a row, \(waiters - gotOne.current) of \(waiters) \
                waiting threads were still waiting \(Int(promptly)) s later: every release must wake a waiter (a wake-up was lost)
                """)
            try #require(
                freePermits({ semaphore.tryAcquire(timeout: $0) }, limit: 1) == 0,
                "after \(waiters) waiters took the \(waiters) released permits, a permit was still free")
        }
    }

    @Test(
        "tryAcquire gives up after about its timeout when no permit is free",
        .teaches("04-semaphores#waiting-with-a-time-limit"))
    func tryAcquireTimesOut() {
        let semaphore = CountingSemaphore(permits: 1)
        semaphore.acquire()
        let outcome = Shared<(Bool, Double)?>(nil)
        let tryer = startThread {
            let started = Date()
            let got = semaphore.tryAcquire(timeout: 0.1)
            outcome.update { $0 = (got, Date().timeIntervalSince(started)) }
        }
        #expect(tryer.join(within: promptly), "tryAcquire(timeout: 0.1) had not returned after \(Int(promptly)) s")
        guard let (got, seconds) = outcome.current else { return }
        #expect(!got, "tryAcquire returned true although the only permit was held")
        #expect(seconds >= 0.09, "tryAcquire(timeout: 0.1) gave up after only \(seconds) s")
        #expect(seconds < 1.5, "tryAcquire(timeout: 0.1) took \(seconds) s to give up")
        #expect(!semaphore.tryAcquire(timeout: 0), "tryAcquire(timeout: 0) returned true although no permit was free")
    }

    @Test(
        "tryAcquire succeeds when a permit is free or comes free in time",
        .teaches("04-semaphores#waiting-with-a-time-limit"))
    func tryAcquireSucceeds() {
        let semaphore = CountingSemaphore(permits: 1)
        #expect(semaphore.tryAcquire(timeout: 0), "tryAcquire(timeout: 0) returned false although a permit was free")
        let releaser = startThread {
            Thread.sleep(forTimeInterval: 0.05)
            semaphore.release()
        }
        let started = Date()
        let got = semaphore.tryAcquire(timeout: 2)
        let seconds = Date().timeIntervalSince(started)
        #expect(got, "tryAcquire(timeout: 2) returned false although a permit was released after 0.05 s")
        #expect(seconds < 3, "tryAcquire took \(seconds) s although a permit came free after 0.05 s")
        releaser.join(within: promptly)
    }

    @Test(
        "withPermit returns the value, holds a permit, and gives it back when the body throws",
        .teaches("04-semaphores#tips"))
    func withPermitReleasesOnThrow() {
        let semaphore = CountingSemaphore(permits: 1)
        let heldInside = semaphore.withPermit { !semaphore.tryAcquire(timeout: 0) }
        #expect(heldInside, "while withPermit's closure ran, the semaphore's only permit was still free")
        #expect(semaphore.withPermit { 42 } == 42, "withPermit did not return the closure's value")
        #expect(throws: Boom.self, "withPermit did not pass on the error its closure threw") {
            try semaphore.withPermit { throw Boom() }
        }
        #expect(
            semaphore.tryAcquire(timeout: 0.2),
            "after withPermit's closure threw, the permit was not given back")
    }

    @Test(
        "permits are conserved: afterwards exactly n can be taken",
        .teaches("04-semaphores#a-bouncer-with-a-clicker"))
    func permitsAreConserved() {
        let permits = 3
        let semaphore = CountingSemaphore(permits: permits)
        let workers = startThreads(6) { index in
            for round in 0..<60 {
                switch (index + round) % 3 {
                case 0:
                    semaphore.acquire()
                    semaphore.release()
                case 1:
                    if semaphore.tryAcquire(timeout: 0.05) { semaphore.release() }
                default:
                    _ = semaphore.withPermit { sched_yield() }
                }
            }
        }
        #expect(workers.join(within: promptly), "6 threads taking and returning permits did not finish within \(Int(promptly)) s")
        let free = freePermits({ semaphore.tryAcquire(timeout: $0) }, limit: permits + 1)
        #expect(
            free == permits,
            "after every thread gave its permits back, \(free) permits could be taken instead of \(permits)")
    }

    @Test(
        "a bounded semaphore rejects a release beyond its starting permits",
        .teaches("04-semaphores#releasing-too-often"))
    func boundedRejectsOverRelease() {
        let semaphore = BoundedSemaphore(permits: 2)
        #expect(
            throws: SemaphoreError.overRelease,
            "release() on a bounded semaphore whose permits were all free did not throw overRelease"
        ) {
            try semaphore.release()
        }
        semaphore.acquire()
        #expect(throws: Never.self, "release() after an acquire() threw") { try semaphore.release() }
        let free = freePermits({ semaphore.tryAcquire(timeout: $0) }, limit: 3)
        #expect(free == 2, "a bounded semaphore with 2 permits let \(free) be taken after a rejected release")
    }

    @Test(
        "a bounded semaphore accepts exactly the missing releases when many come at once",
        .teaches("04-semaphores#releasing-too-often"))
    func boundedCountsConcurrentReleases() {
        let permits = 2
        // A gap between checking the count and releasing shows only when two
        // releases meet in it, so the race is run again and again: one round
        // that accepts too many is enough.
        let rounds = 200
        var last: BoundedSemaphore?
        for round in 1...rounds {
            let semaphore = BoundedSemaphore(permits: permits)
            last = semaphore
            for _ in 0..<permits { semaphore.acquire() }
            let accepted = Shared(0)
            let releasers = startThreads(6) { _ in
                if (try? semaphore.release()) != nil { accepted.update { $0 += 1 } }
            }
            guard releasers.join(within: promptly) else {
                Issue.record("6 threads calling release() did not finish within \(Int(promptly)) s (round \(round))")
                return
            }
            guard accepted.current == permits else {
                Issue.record(
                    "with \(permits) permits taken, \(accepted.current) of 6 simultaneous releases were accepted instead of \(permits) (round \(round) of \(rounds))"
                )
                return
            }
        }
        guard let last else { return }
        let free = freePermits({ last.tryAcquire(timeout: $0) }, limit: permits + 1)
        #expect(free == permits, "afterwards \(free) permits could be taken instead of \(permits)")
    }

    @Test(
        "a bounded semaphore never lets more than n threads hold a permit",
        .teaches("04-semaphores#releasing-too-often"))
    func boundedOccupancy() {
        let permits = 2
        let semaphore = BoundedSemaphore(permits: permits)
        let occupancy = Occupancy()
        let errors = Shared(0)
        let workers = startThreads(6) { _ in
            for _ in 0..<50 {
                semaphore.acquire()
                occupancy.enter()
                sched_yield()
                occupancy.leave()
                if (try? semaphore.release()) == nil { errors.update { $0 += 1 } }
            }
        }
        #expect(workers.join(within: promptly), "6 threads using a bounded semaphore did not finish within \(Int(promptly)) s")
        #expect(
            occupancy.maximum <= permits,
            "\(occupancy.maximum) threads held a permit of a bounded semaphore with \(permits) permits at once")
        #expect(errors.current == 0, "\(errors.current) releases that followed an acquire were rejected as over-releases")
    }
}
