#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Testing

// Every test here runs many threads (or tasks) against `Guarded` values at
// once, so a version without exclusion fails each of them by an assertion,
// never by a crash: the guarded values are plain integers, and every update
// is a read, a yield and a write, which loses updates when two bodies
// overlap. The suite is serialized: the async test needs the cooperative
// pool, and the transfer tests place threads on cores, so each test has the
// machine to itself (the others block their thread while they wait for
// their own threads, bounded).

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

@Suite("Scoped: Guarded values and transfers between them", .serialized)
struct ScopedTests {
    @Test(
        "every Guarded gets an id of its own, also when many threads make values at once, and keeps it",
        .teaches("06-scoped-locking#one-lock-order-for-everyone"))
    func idsAreUnique() {
        let threads = 8, each = 50
        let made = Shared<[Guarded<Int>]>([])
        let group = startThreads(threads, name: "maker") { _ in
            let mine = (0..<each).map { Guarded($0) }
            made.update { $0 += mine }
        }
        guard group.join(within: promptly) else {
            Issue.record("\(threads) threads making \(each) Guarded values each had not finished after \(Int(promptly)) s")
            return
        }
        let values = made.current
        let ids = values.map(\.id)
        let distinct = Set(ids).count
        #expect(
            distinct == ids.count,
            "\(ids.count) Guarded values made by \(threads) threads at once have only \(distinct) different ids: ids are the lock order, so two values with one id leave the order of their locks undecided"
        )
        #expect(values.map(\.id) == ids, "a Guarded's id changed after it was made")
    }

    @Test(
        "threads take turns inside withLock: each body sees the value the last one left, and its result comes out of withLock",
        .teaches("06-scoped-locking#withlock-the-closure-is-the-scope"))
    func takesTurns() {
        let threads = 8, rounds = 50, start = 100
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
            Issue.record(
                "\(threads) threads calling withLock \(rounds) times each had not finished after \(Int(promptly)) s: is the lock left held somewhere?"
            )
            return
        }
        #expect(
            occupancy.maximum == 1,
            "\(occupancy.maximum) threads were inside withLock at the same time")
        let returned = results.current.sorted()
        let expected = Array(start + 1...start + threads * rounds)
        #expect(
            returned == expected,
            "each body returned the value it made; starting from \(start), the results should be \(start + 1) to \(start + threads * rounds), once each, but \(Set(expected).subtracting(returned).count) of those never came out of withLock: bodies overlapped, ran on a copy, or withLock did not return the body's result"
        )
        let total = balances(of: [guarded])?.first
        #expect(
            total == start + threads * rounds,
            "\(threads) threads added 1 each \(rounds) times to \(start), but the value is \(total.map(String.init) ?? "unreadable (its lock is held)"): updates were lost"
        )
    }

    @Test(
        "withLock of one Guarded can run inside another's withLock, and each still lets one thread in at a time",
        .teaches("06-scoped-locking#one-lock-order-for-everyone"))
    func nestsDifferentValues() {
        let ordered = accountsInLockOrder([0, 0, 0])
        let (outer, inner, other) = (ordered[0], ordered[1], ordered[2])
        // One nested call first, bounded: a lock shared by every Guarded
        // would wait here for itself.
        let single = startThread(name: "nesting") {
            outer.withLock { _ in inner.withLock { _ in other.withLock { _ in } } }
        }
        guard single.join(within: promptly) else {
            Issue.record(
                "a withLock inside another Guarded's withLock did not return within \(Int(promptly)) s: each Guarded needs a lock of its own, not one shared by all of them"
            )
            return
        }
        let threads = 4, rounds = 60
        let outerOccupancy = Occupancy(), innerOccupancy = Occupancy()
        let group = startThreads(threads) { index in
            for _ in 0..<rounds {
                // Every thread takes the two locks in ascending id, so a
                // correct Guarded cannot deadlock here.
                outer.withLock { outerValue in
                    outerOccupancy.enter()
                    _ = inner.withLock { addOne(to: &$0, watchedBy: innerOccupancy) }
                    addOne(to: &outerValue)
                    outerOccupancy.leave()
                }
                if index.isMultiple(of: 2) {
                    _ = inner.withLock { addOne(to: &$0, watchedBy: innerOccupancy) }
                }
            }
        }
        guard group.join(within: promptly) else {
            Issue.record(
                "threads nesting one Guarded's withLock inside another's (in ascending id) had not finished after \(Int(promptly)) s")
            return
        }
        #expect(
            outerOccupancy.maximum == 1,
            "\(outerOccupancy.maximum) threads were inside the outer value's withLock at once")
        #expect(
            innerOccupancy.maximum == 1,
            "\(innerOccupancy.maximum) threads were inside the inner value's withLock at once (some of them nested in the outer one)")
        let totals = balances(of: [outer, inner])
        let expected = [threads * rounds, threads * rounds + threads / 2 * rounds]
        #expect(
            totals == expected,
            "the outer and inner values should be \(expected[0]) and \(expected[1]) but are \(totals.map { "\($0)" } ?? "unreadable (a lock is held)"): updates were lost"
        )
    }
}
