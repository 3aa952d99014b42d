#if SOLUTIONS
import QueueSolution
#else
import QueueExercise
#endif
import CourseSupport
import Foundation
import Testing

/// Puts `values` in order on a thread of its own: they must all fit.
/// - Returns: whether every put returned without throwing.
@discardableResult
func fill(_ queue: BoundedQueue<Int>, with values: [Int], sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
    try promptlyOnThread(
        "put() of \(values.count) elements into an empty queue with room for \(queue.capacity)",
        sourceLocation: sourceLocation
    ) {
        values.allSatisfy { (try? queue.put($0)) != nil }
    }
}

/// Closes `queue` and takes what is left with `take()` until it returns
/// `nil`, on a thread of its own.
/// - Returns: the elements that were left, in the order taken.
func closeAndDrain(_ queue: BoundedQueue<Int>, sourceLocation: SourceLocation = #_sourceLocation) throws -> [Int] {
    queue.close()
    return try promptlyOnThread("take() on a closed queue, until it returned nil,", sourceLocation: sourceLocation) {
        var left: [Int] = []
        while left.count <= 10_000, let element = queue.take() { left.append(element) }
        return left
    }
}

/// One core shared by a driver thread and the waiter threads it wakes.
///
/// The driver keeps to the core it runs on; each waiter moves onto that core
/// as a batch thread (`SCHED_BATCH`), which cannot take the core from the
/// driver when it is woken. So what the driver does right after a wake-up
/// (take back the element it just put, fill the slot it just freed, put
/// again, wait itself) happens before any woken waiter runs, in every run,
/// unless the machine preempts the driver in those few microseconds: the
/// tests repeat such rounds so that one such preemption cannot hide a bug.
/// ``Barger`` uses the same idea for a lock.
final class SharedCore: Sendable {
    private let core = Shared<Int32>(-1)
    private let claimed = CountdownLatch(1)

    /// Pins the calling thread, the driver, to the core it runs on.
    func claim() {
        let here = currentCore
        if pinCurrentThread(toCore: here) { core.update { $0 = here } }
        claimed.countDown()
    }

    /// Moves the calling thread, a waiter, onto the driver's core as a batch
    /// thread; waits (boundedly) for the driver to have claimed it.
    func join() {
        claimed.wait(within: promptly)
        let core = core.current
        guard core >= 0 else { return }
        pinCurrentThread(toCore: core)
        makeCurrentThreadBatch()
    }
}

/// A driver thread on a ``SharedCore``: it claims the core, runs `prepare`,
/// and runs `body` once ``go()`` is called.
final class Driver: Sendable {
    let core = SharedCore()
    private let ready = CountdownLatch(1)
    private let started = CountdownLatch(1)
    private let thread: ThreadGroup

    init(prepare: @escaping @Sendable () -> Void = {}, _ body: @escaping @Sendable () -> Void) {
        let core = self.core, ready = self.ready, started = self.started
        thread = startThread(name: "driver") {
            core.claim()
            prepare()
            ready.countDown()
            started.wait(within: untilLetGo)
            body()
        }
    }

    /// Whether the driver has claimed its core and finished `prepare` in time.
    func isReady(within seconds: Double = promptly) -> Bool { ready.wait(within: seconds) }

    /// Lets the driver run its body.
    func go() { started.countDown() }

    /// Waits until the body has returned.
    @discardableResult
    func finish(within seconds: Double) -> Bool {
        started.countDown()
        return thread.join(within: seconds)
    }
}

/// Starts `count` threads that join `core` as waiters, count themselves in
/// `arrived`, then run `body`.
func startWaiters(
    _ count: Int,
    name: String,
    on core: SharedCore,
    arrived: CountdownLatch,
    _ body: @escaping @Sendable (_ index: Int) -> Void
) -> ThreadGroup {
    startThreads(count, name: name) { index in
        core.join()
        arrived.countDown()
        body(index)
    }
}
