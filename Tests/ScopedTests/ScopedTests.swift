#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Testing

private struct Refused: Error, Equatable {
    let code: Int
}

/// Reads the value through `withLock` on a dedicated thread.
/// - Returns: `nil` if that thread could not get in within `seconds`
///   (the lock was left held); the stuck thread is abandoned.
private func valueFromAnotherThread<Value: Sendable>(
    _ guarded: Guarded<Value>, within seconds: Double = promptly
) -> Value? {
    let seen = Shared<Value?>(nil)
    let reader = startThread(name: "reader") {
        let value = guarded.withLock { $0 }
        seen.update { $0 = value }
    }
    guard reader.join(within: seconds) else { return nil }
    return seen.current
}

@Suite("Guarded: a value reachable only inside withLock")
struct ScopedTests {
    @Test("withLock sees the value given to init and keeps changes made inside it",
          .teaches("05-scoped-locking#mutex-withlock-the-value-lives-inside-the-lock"))
    func keepsChanges() {
        let guarded = Guarded([1, 2])
        #expect(guarded.withLock { $0 } == [1, 2],
                "the first withLock did not see the value passed to init")
        guarded.withLock { $0.append(3) }
        #expect(guarded.withLock { $0 } == [1, 2, 3],
                "a change made inside withLock was not kept")
    }

    @Test("withLock returns what the body returns",
          .teaches("05-scoped-locking#withlock-the-closure-is-the-scope"))
    func returnsResult() {
        let guarded = Guarded(41)
        let text = guarded.withLock { value -> String in
            value += 1
            return "now \(value)"
        }
        #expect(text == "now 42", "withLock returned \(text.debugDescription), not the body's result")
        #expect(guarded.withLock { $0 * 2 } == 84, "withLock did not return the body's result")
    }

    @Test("only one thread at a time runs inside withLock, and no update is lost",
          .teaches("05-scoped-locking#withlock-the-closure-is-the-scope"))
    func mutualExclusion() {
        let threads = 8
        let rounds = 2_000
        let guarded = Guarded(0)
        let occupancy = Occupancy()
        let group = startThreads(threads) { _ in
            for _ in 0..<rounds {
                guarded.withLock { value in
                    occupancy.enter()
                    let read = value
                    sched_yield()  // invite another thread into the gap
                    value = read + 1
                    occupancy.leave()
                }
            }
        }
        guard group.join(within: 2 * promptly) else {
            Issue.record("the threads did not finish within \(Int(2 * promptly)) s: is the lock left held somewhere?")
            return
        }
        #expect(occupancy.maximum == 1,
                "\(occupancy.maximum) threads were inside withLock at the same time")
        let total = guarded.withLock { $0 }
        #expect(total == threads * rounds,
                "\(threads) threads added 1 each \(rounds) times, but the value is \(total): updates were lost")
    }

    @Test("a second thread waits while one is inside withLock, then sees its changes",
          .teaches("05-scoped-locking#withlock-the-closure-is-the-scope"))
    func waitsForHolder() {
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
        let seenByWaiter = Shared<Int?>(nil)
        let waiter = startThread(name: "waiter") {
            let seen = guarded.withLock { value -> Int in
                value += 10
                return value
            }
            seenByWaiter.update { $0 = seen }
        }
        Thread.sleep(forTimeInterval: 0.1)
        #expect(seenByWaiter.current == nil,
                "a second thread ran its withLock body while the first was still inside withLock")
        letHolderLeave.countDown()
        #expect(waiter.join(within: promptly),
                "the waiting thread did not get in within \(Int(promptly)) s after the first one left withLock")
        #expect(holder.join(within: promptly), "the first thread did not leave withLock")
        #expect(seenByWaiter.current == 11,
                "the second thread's body saw \(String(describing: seenByWaiter.current)) after adding 10; it should have seen the first thread's change (1) and returned 11")
    }

    @Test("an error thrown in the body comes out of withLock, and changes made before it are kept",
          .teaches("05-scoped-locking#mutex-withlock-the-value-lives-inside-the-lock"))
    func errorPropagates() {
        let guarded = Guarded(5)
        #expect(throws: Refused(code: 7)) {
            try guarded.withLock { value in
                value += 1
                throw Refused(code: 7)
            }
        }
        guard let after = valueFromAnotherThread(guarded) else {
            Issue.record("after the body threw, no other thread could get into withLock within \(Int(promptly)) s")
            return
        }
        #expect(after == 6, "the body added 1 and then threw; the value should be 6 but is \(after)")
    }

    @Test("the lock is free again after the body throws",
          .teaches("05-scoped-locking#defer-release-on-every-way-out"))
    func releasedOnThrow() {
        let guarded = Guarded("open")
        for attempt in 1...3 {
            do {
                try guarded.withLock { _ in throw Refused(code: attempt) }
            } catch {}
            guard valueFromAnotherThread(guarded) == "open" else {
                Issue.record("after a body threw (attempt \(attempt)), another thread waited \(Int(promptly)) s and still could not get in: the lock was not released")
                return
            }
        }
    }

    @Test("the lock is free again after a body that returns early",
          .teaches("05-scoped-locking#defer-release-on-every-way-out"))
    func releasedOnEarlyReturn() {
        let guarded = Guarded([3, 8, 12, 20])
        let firstBig = guarded.withLock { numbers -> Int? in
            for number in numbers where number > 10 {
                return number
            }
            return nil
        }
        #expect(firstBig == 12, "withLock returned \(String(describing: firstBig)) instead of the body's early result 12")
        #expect(valueFromAnotherThread(guarded) == [3, 8, 12, 20],
                "after a body returned early, another thread could not get into withLock within \(Int(promptly)) s")
    }
}
