#if SOLUTIONS
import SemaphoreSolution
#else
import SemaphoreExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

/// A plain counter with no protection of its own: only the semaphore under
/// test keeps two threads from updating it at once.
final class UnguardedCounter: @unchecked Sendable {
    var value = 0
}

/// Callers on the cooperative pool, and accesses only ThreadSanitizer can judge.
extension SemaphoreTests {
    @Test(
        "tasks on the cooperative pool share the permits with a thread, and never more than n hold one",
        .teaches("04-semaphores#ten-workers-five-permits"))
    func tasksShareThePermits() async throws {
        try await atTestPriority(Self.tasksShareThePermitsBody)
    }

    @Sendable private static func tasksShareThePermitsBody() async throws {
        // There are more tasks than the pool has threads (one per core). That
        // is safe here: a task holds a permit only between a tryAcquire and
        // the release() right after, never across an `await`, so a task
        // blocked in tryAcquire(timeout:) waits only for a holder that is
        // running. The thread that holds both permits first gives them back
        // on its own, 0.1 s after the first task arrives, without waiting for
        // this test's task (which needs a pool thread to run); and every
        // blocking wait has a timeout, so a lost wake-up cannot starve the
        // pool for good.
        let permits = 2
        let semaphore = CountingSemaphore(permits: permits)
        let inside = Occupancy()
        let holding = CountdownLatch(1), arrived = CountdownLatch(1)
        let holder = startThread(name: "holder") {
            for _ in 0..<permits { semaphore.acquire() }
            for _ in 0..<permits { inside.enter() }
            holding.countDown()
            arrived.wait(within: untilLetGo)
            Thread.sleep(forTimeInterval: 0.1)
            for _ in 0..<permits {
                inside.leave()
                semaphore.release()
            }
        }
        try #require(holding.wait(within: promptly), "one thread could not take both permits within \(Int(promptly)) s")
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
                        guard semaphore.tryAcquire(timeout: promptly) else {
                            failures.update { $0.append("tryAcquire(timeout: \(Int(promptly))) in a task returned false") }
                            return
                        }
                    } else {
                        while !semaphore.tryAcquire(timeout: 0) {
                            guard Date() < giveUp else {
                                failures.update {
                                    $0.append("tryAcquire(timeout: 0) in a task kept returning false for \(Int(promptly)) s")
                                }
                                return
                            }
                            await Task.yield()  // polling leaves the thread to others
                        }
                    }
                    inside.enter()
                    sched_yield()
                    inside.leave()
                    semaphore.release()
                    if round % 10 == 0 { await Task.yield() }
                }
            }
        }
        // The tasks may wait for a pool thread while other tests run; the
        // time limit counts from the first task's start.
        try #require(await poll(within: untilLetGo) { arrived.isOpen }, "no task started")
        let done = await poll(within: 2 * promptly) { finished.isOpen && holder.isFinished }
        try #require(done, "\(tasks) tasks using the semaphore had not finished \(Int(2 * promptly)) s after the first started")
        #expect(failures.current.isEmpty, "\(failures.current.first ?? "")")
        #expect(
            inside.maximum == permits,
            "at most \(inside.maximum) tasks and threads held a permit at once; the semaphore has \(permits), and all were held")
        let free = freePermits({ semaphore.tryAcquire(timeout: $0) }, limit: permits + 1)
        #expect(free == permits, "after the tasks gave their permits back, \(free) could be taken instead of \(permits)")
    }

    @Test(
        "every way of taking a permit orders the accesses it guards: a count changed only while holding the single permit is exact, with no data race",
        .teaches("04-semaphores#a-bouncer-with-a-clicker"))
    func everyAcquireOrdersAccesses() throws {
        // Nothing but the semaphore orders one thread's update after
        // another's: no other lock or atomic while the permit is held, so
        // under ThreadSanitizer a semaphore that does not really synchronize
        // (a relaxed atomic, a look at the count outside the lock) is reported.
        let semaphore = CountingSemaphore(permits: 1)
        try #require(semaphore.tryAcquire(timeout: 0), "tryAcquire(timeout: 0) returned false although a permit was free")
        semaphore.release()
        let counter = UnguardedCounter()
        let failures = Atomic<Int>(0)
        let threads = 4, rounds = 300
        let giveUp = Date(timeIntervalSinceNow: promptly)
        let group = startThreads(threads) { index in
            for round in 0..<rounds {
                // Two threads always spin on tryAcquire(timeout: 0), so that
                // its look at the count meets the other threads' changes
                // again and again.
                switch index < 2 ? 1 : round % 4 {
                case 0:
                    semaphore.acquire()
                case 1:
                    while !semaphore.tryAcquire(timeout: 0) {
                        guard Date() < giveUp else { failures.add(1, ordering: .relaxed); return }
                        sched_yield()
                    }
                case 2:
                    guard semaphore.tryAcquire(timeout: promptly) else {
                        failures.add(1, ordering: .relaxed)
                        return
                    }
                default:
                    semaphore.withPermit { counter.value += 1 }
                    continue
                }
                counter.value += 1
                semaphore.release()
            }
        }
        try #require(
            group.join(within: promptly),
            "\(threads) threads taking and giving back the permit had not finished after \(Int(promptly)) s (a lost wake-up?)")
        #expect(
            failures.load(ordering: .relaxed) == 0,
            "\(failures.load(ordering: .relaxed)) attempts to take the permit failed although it kept being given back")
        #expect(counter.value == threads * rounds, "the count changed under the permit is \(counter.value), expected \(threads * rounds)")
    }
}
