#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Testing

// Every test here runs many threads (or tasks) against one `Guarded` at
// once, so a version without exclusion fails each of them by an assertion,
// never by a crash: the guarded values are plain integers, and every update
// is a read, a yield and a write, which loses updates when two bodies
// overlap. The suite is serialized so that the async test has the
// cooperative pool to itself (the other tests block their thread while
// they wait for their own threads, bounded).

struct Refused: Error, Equatable {
    let code: Int
}

/// Adds 1 to `value` as a read, a yield and a write, with `occupancy` told
/// when the body enters and leaves: two bodies that overlap show up in
/// ``Occupancy/maximum`` and lose an update.
/// - Returns: the value after the update.
@discardableResult
func addOne(to value: inout Int, watchedBy occupancy: Occupancy? = nil) -> Int {
    occupancy?.enter()
    let read = value
    sched_yield()  // invite another thread into the gap
    value = read + 1
    occupancy?.leave()
    return value
}

@Suite("Guarded: a value reachable only inside withLock", .serialized)
struct ScopedTests {
    @Test("threads take turns inside withLock: each body sees the value the last one left, and its result comes out of withLock",
          .teaches("05-scoped-locking#withlock-the-closure-is-the-scope"))
    func takesTurns() {
        let threads = 8, rounds = 600, start = 100
        let guarded = Guarded(start)
        let occupancy = Occupancy()
        let results = Shared<[Int]>([])
        let group = startThreads(threads) { _ in
            var mine: [Int] = []
            for _ in 0..<rounds {
                mine.append(guarded.withLock { addOne(to: &$0, watchedBy: occupancy) })
            }
            results.update { $0 += mine }
        }
        guard group.join(within: promptly) else {
            Issue.record("\(threads) threads calling withLock \(rounds) times each had not finished after \(Int(promptly)) s: is the lock left held somewhere?")
            return
        }
        #expect(occupancy.maximum == 1,
                "\(occupancy.maximum) threads were inside withLock at the same time")
        let returned = results.current.sorted()
        let expected = Array(start + 1...start + threads * rounds)
        #expect(returned == expected,
                "each body returned the value it made; starting from \(start), the results should be \(start + 1) to \(start + threads * rounds), once each, but \(Set(expected).subtracting(returned).count) of those never came out of withLock: bodies overlapped, ran on a copy, or withLock did not return the body's result")
        let total = guarded.withLock { $0 }
        #expect(total == start + threads * rounds,
                "\(threads) threads added 1 each \(rounds) times to \(start), but the value is \(total): updates were lost")
    }

    @Test("withLock alone orders every access: threads adding to a fresh Guarded lose nothing, and ThreadSanitizer sees no race",
          .teaches("05-scoped-locking#mutex-withlock-the-value-lives-inside-the-lock"))
    func ordersEveryAccess() {
        // Nothing but withLock orders the threads' accesses here (no
        // occupancy atomics, no other lock), so the ThreadSanitizer lane
        // reports any access the lock does not order, and each round uses a
        // fresh Guarded that no thread has touched yet: a lock made lazily
        // on first use is made while other threads race to use it.
        let rounds = 10, threads = 4, additions = 200
        for round in 1...rounds {
            let guarded = Guarded(0)
            let group = startThreads(threads) { _ in
                for _ in 0..<additions { guarded.withLock { addOne(to: &$0) } }
            }
            guard group.join(within: promptly) else {
                Issue.record("round \(round): \(threads) threads adding to a fresh Guarded had not finished after \(Int(promptly)) s")
                return
            }
            let total = guarded.withLock { $0 }
            guard total == threads * additions else {
                Issue.record("round \(round): \(threads) threads each added 1 \(additions) times to a fresh Guarded(0), but the value is \(total): updates were lost")
                return
            }
        }
    }

    @Test("while one thread is inside withLock for a long time, several others wait; then they get in one at a time and see its change",
          .teaches("05-scoped-locking#withlock-the-closure-is-the-scope"))
    func waitersWaitForHolder() {
        let waiters = 4
        let holding = 2.0   // longer than a lock that gives up after a second
        let guarded = Guarded(0)
        let holderInside = CountdownLatch(1)
        let letHolderLeave = CountdownLatch(1)
        defer { letHolderLeave.countDown() }
        let holder = startThread(name: "holder") {
            guarded.withLock { value in
                holderInside.countDown()
                letHolderLeave.wait(within: untilLetGo)
                value = 1
            }
        }
        guard holderInside.wait(within: promptly) else {
            Issue.record("the first thread never got inside withLock")
            return
        }
        let occupancy = Occupancy()
        let seen = Shared<[Int]>([])
        let waiting = startThreads(waiters, name: "waiter") { _ in
            let value = guarded.withLock { value -> Int in
                occupancy.enter()
                let before = value
                sched_yield()
                value = before + 10
                occupancy.leave()
                return before
            }
            seen.update { $0.append(value) }
        }
        let deadline = Date(timeIntervalSinceNow: holding)
        while Date() < deadline {
            guard seen.current.isEmpty else {
                Issue.record("a waiting thread ran its body while another thread was still inside withLock (it had been inside for less than \(holding) s)")
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        letHolderLeave.countDown()
        guard waiting.join(within: promptly) else {
            Issue.record("\(waiters) waiting threads had not all got in within \(Int(promptly)) s after the first one left withLock")
            return
        }
        #expect(holder.join(within: promptly), "the first thread did not leave withLock")
        #expect(occupancy.maximum == 1,
                "\(occupancy.maximum) of the waiting threads were inside withLock at the same time")
        let before = seen.current.sorted()
        #expect(before == [1, 11, 21, 31],
                "each waiter added 10 to the value left by the first thread (1); they saw \(before), not [1, 11, 21, 31]: a waiter missed the holder's change or another waiter's")
    }

    @Test("withLock of one Guarded can run inside another's withLock, and each still lets one thread in at a time",
          .teaches("05-scoped-locking#tips"))
    func nestsDifferentValues() {
        let outer = Guarded(0)
        let inner = Guarded(0)
        let other = Guarded(0)
        // One nested call first, bounded: a lock shared by every Guarded
        // would wait here for itself.
        let single = startThread(name: "nesting") {
            outer.withLock { _ in inner.withLock { _ in other.withLock { _ in } } }
        }
        guard single.join(within: promptly) else {
            Issue.record("a withLock inside another Guarded's withLock did not return within \(Int(promptly)) s: each Guarded needs a lock of its own, not one shared by all of them")
            return
        }
        let threads = 4, rounds = 300
        let outerOccupancy = Occupancy(), innerOccupancy = Occupancy()
        let group = startThreads(threads) { index in
            for _ in 0..<rounds {
                // Every thread takes the two locks in the same order, so a
                // correct Guarded cannot deadlock here.
                outer.withLock { outerValue in
                    outerOccupancy.enter()
                    inner.withLock { addOne(to: &$0, watchedBy: innerOccupancy) }
                    addOne(to: &outerValue)
                    outerOccupancy.leave()
                }
                if index.isMultiple(of: 2) {
                    inner.withLock { addOne(to: &$0, watchedBy: innerOccupancy) }
                }
            }
        }
        guard group.join(within: promptly) else {
            Issue.record("threads nesting one Guarded's withLock inside another's had not finished after \(Int(promptly)) s")
            return
        }
        #expect(outerOccupancy.maximum == 1,
                "\(outerOccupancy.maximum) threads were inside the outer value's withLock at once")
        #expect(innerOccupancy.maximum == 1,
                "\(innerOccupancy.maximum) threads were inside the inner value's withLock at once (some of them nested in the outer one)")
        let totals = (outer.withLock { $0 }, inner.withLock { $0 })
        let expected = (threads * rounds, threads * rounds + threads / 2 * rounds)
        #expect(totals == expected,
                "the outer and inner values should be \(expected.0) and \(expected.1) but are \(totals.0) and \(totals.1): updates were lost")
    }
}
