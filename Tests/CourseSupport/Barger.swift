import Foundation
import Synchronization

/// A helper thread that holds a lock (or a semaphore's permit) and, round
/// after round, gives it back and at once takes it again.
///
/// Giving back wakes a waiting thread, but the barger is already running
/// and takes the lock again first: the woken waiter then finds it held,
/// which is what a `while` loop around the wait is for. While it holds, the
/// barger counts itself inside `occupancy`, so a waiter that goes on without
/// checking again shows up as a second thread inside. A waiter that gives up
/// at a wake-up, or restarts its deadline at each one, is woken once a round.
///
/// On its own the woken waiter often wins: the kernel lets a thread that
/// wakes up take over a core from the running one. So the barger keeps to
/// one core, and each waiter calls ``shareCore()`` first: it then runs on
/// the barger's core as a batch thread, which never takes the core from the
/// barger on waking. The barger neither sleeps nor blocks between giving
/// back and taking again, so it is back in before the woken waiter runs
/// (unless the machine happens to preempt it in those few microseconds).
///
/// Use: ``hasTaken(within:)``, start the waiters and let them block, then
/// ``begin()``; ``finish(within:)`` waits until the barger has given back
/// for good (``stopEarly()`` ends the rounds sooner).
public final class Barger: Sendable {
    private let taken = CountdownLatch(1)
    private let go = CountdownLatch(1)
    private let stop = CountdownLatch(1)
    private let tally = Tally()
    private let core = Shared<Int32>(-1)
    private let thread: ThreadGroup

    /// What the barger thread counts, shared with it.
    private final class Tally: Sendable {
        let failedGiveBacks = Atomic<Int>(0)
        let rounds = Atomic<Int>(0)
    }

    /// Starts the barger thread, which takes at once and waits for ``begin()``.
    /// - Parameters:
    ///   - rounds: how many times to give back and take again, at most.
    ///   - seconds: how long to hold before each give-back (and the last).
    ///   - take: takes the lock or permit, waiting if need be.
    ///   - giveBack: gives it back; returns `false` if that failed (for a
    ///     lock: `unlock()` threw, so another thread had taken it meanwhile).
    public init(
        name: String = "barger",
        occupancy: Occupancy,
        rounds: Int,
        holdingFor seconds: Double,
        take: @escaping @Sendable () -> Void,
        giveBack: @escaping @Sendable () -> Bool
    ) {
        let taken = self.taken, go = self.go, stop = self.stop
        let tally = self.tally, core = self.core
        thread = startThread(name: name) {
            let here = currentCore
            if pinCurrentThread(toCore: here) { core.update { $0 = here } }
            take()
            occupancy.enter()
            taken.countDown()
            _ = go.wait(within: untilLetGo)
            for _ in 0..<rounds where !stop.isOpen {
                Thread.sleep(forTimeInterval: seconds)
                occupancy.leave()
                if !giveBack() { tally.failedGiveBacks.add(1, ordering: .relaxed) }
                take()  // barge in before the woken waiter runs
                occupancy.enter()
                tally.rounds.add(1, ordering: .relaxed)
            }
            Thread.sleep(forTimeInterval: seconds)
            occupancy.leave()
            if !giveBack() { tally.failedGiveBacks.add(1, ordering: .relaxed) }
        }
    }

    /// Whether the barger holds the lock or permit within `seconds`.
    public func hasTaken(within seconds: Double = promptly) -> Bool { taken.wait(within: seconds) }

    /// Moves the calling thread (a waiter) onto the barger's core as a batch
    /// thread, so that a give-back that wakes it cannot let it run before
    /// the barger has taken the lock back. Call it after ``hasTaken(within:)``.
    public func shareCore() {
        let core = core.current
        guard core >= 0 else { return }
        pinCurrentThread(toCore: core)
        makeCurrentThreadBatch()
    }

    /// Starts the rounds of giving back and taking again.
    public func begin() { go.countDown() }

    /// Ends the rounds after the current one.
    public func stopEarly() { stop.countDown() }

    /// Starts the rounds if they have not started, and waits until the
    /// barger has given back for the last time.
    /// - Returns: whether it finished within `seconds`.
    @discardableResult
    public func finish(within seconds: Double = promptly) -> Bool {
        go.countDown()
        return thread.join(within: seconds)
    }

    /// How many give-backs failed (for a lock: two threads held it at once).
    public var failedGiveBacks: Int { tally.failedGiveBacks.load(ordering: .relaxed) }

    /// How many rounds of giving back and taking again have run.
    public var roundsRun: Int { tally.rounds.load(ordering: .relaxed) }
}
