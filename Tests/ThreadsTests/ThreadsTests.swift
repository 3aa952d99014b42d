#if SOLUTIONS
import ThreadsSolution
#else
import ThreadsExercise
#endif
import CourseSupport
import Foundation
import Testing

/// Keeps a `Thread` object alive so that its identity cannot be reused by a
/// later thread while the test compares identities.
final class ThreadIdentity: @unchecked Sendable {
    let thread: Thread
    init(_ thread: Thread) { self.thread = thread }
    static var current: ThreadIdentity { ThreadIdentity(Thread.current) }
}

/// What one call of `runAll` did, seen from the thread that called it.
struct RunAllCall<T: Sendable>: Sendable {
    var results: [T]
    var caller: ThreadIdentity
    /// Whatever `observeAtReturn` saw right after `runAll` returned.
    var seenAtReturn: Int
}

/// Calls `runAll(jobs)` on a dedicated thread and waits for it at most
/// `seconds`, so that a `runAll` that never returns fails the test instead
/// of hanging the run.
/// - Returns: what the call did, or `nil` if it had not returned in time.
func callRunAll<T: Sendable>(
    _ jobs: [@Sendable () -> T],
    within seconds: Double = promptly,
    observeAtReturn: @escaping @Sendable () -> Int = { 0 }
) -> RunAllCall<T>? {
    let outcome = Shared<RunAllCall<T>?>(nil)
    let caller = startThread(name: "caller") {
        let results = runAll(jobs)
        let seen = observeAtReturn()
        outcome.update { $0 = RunAllCall(results: results, caller: .current, seenAtReturn: seen) }
    }
    guard caller.join(within: seconds) else { return nil }
    return outcome.current
}

/// The results, what the jobs returned and when `runAll` returns.
/// ``ThreadsThreadTests`` checks which threads the jobs run on.
@Suite("runAll waits for every job and returns the results in order")
struct ThreadsTests {
    @Test(
        "results come back in the order of the jobs, even when the jobs finish in the reverse order",
        .teaches("01-threads#exercise"))
    func resultsInInputOrder() throws {
        // Job i waits until job i + 1 has finished (and a moment more), so
        // the last job finishes first and the first job last. The deadline
        // is shared, so a runAll that runs the jobs one by one does not hang.
        let count = 6
        let finished = (0..<count).map { _ in CountdownLatch(1) }
        let deadline = Date(timeIntervalSinceNow: promptly)
        let jobs: [@Sendable () -> String] = (0..<count).map { index in
            {
                if index + 1 < count {
                    _ = finished[index + 1].wait(within: max(0, deadline.timeIntervalSinceNow))
                    Thread.sleep(forTimeInterval: 0.02)
                }
                finished[index].countDown()
                return "job \(index)"
            }
        }
        let call = try #require(callRunAll(jobs, within: 2 * promptly), "runAll did not return within \(Int(2 * promptly)) s")
        #expect(
            call.results == (0..<count).map { "job \($0)" },
            "results must be in the order of the jobs, not the order in which they finished; got \(call.results)")
    }

    @Test("every job runs exactly once", .teaches("01-threads#exercise"))
    func everyJobRunsOnce() throws {
        let count = 12
        let runs = Shared(Array(repeating: 0, count: count))
        let jobs: [@Sendable () -> Int] = (0..<count).map { index in
            {
                runs.update { $0[index] += 1 }
                return index
            }
        }
        let call = try #require(callRunAll(jobs), "runAll did not return within \(Int(promptly)) s")
        #expect(
            runs.current == Array(repeating: 1, count: count),
            "each job must run exactly once; times each job ran: \(runs.current)")
        #expect(call.results == Array(0..<count), "expected the results 0 to \(count - 1) in order, got \(call.results)")
    }

    @Test(
        "runAll returns only after every job has finished",
        .teaches("01-threads#waiting-for-threads-to-finish"))
    func returnsAfterAllFinished() throws {
        let finished = Shared(0)
        let jobs: [@Sendable () -> Int] = (0..<4).map { index in
            {
                Thread.sleep(forTimeInterval: 0.05 + Double(index) * 0.03)
                finished.update { $0 += 1 }
                return index
            }
        }
        let returned = callRunAll(jobs, observeAtReturn: { finished.current })
        let call = try #require(returned, "runAll did not return within \(Int(promptly)) s")
        #expect(
            call.seenAtReturn == 4,
            "runAll returned while jobs were still running (\(call.seenAtReturn) of 4 had finished)")
        #expect(call.results == [0, 1, 2, 3], "expected the results [0, 1, 2, 3], got \(call.results)")
    }

    @Test(
        "runAll waits for a job however long it takes, with no deadline of its own",
        .teaches("01-threads#tips"))
    func waitsForLongJobs() throws {
        // One job works for 3 s, longer than any "safety" deadline of a
        // second or two; the others finish at once.
        let finished = Shared(0)
        let jobs: [@Sendable () -> Int] = (0..<3).map { index in
            {
                if index == 1 { Thread.sleep(forTimeInterval: 3) }
                finished.update { $0 += 1 }
                return index
            }
        }
        let returned = callRunAll(jobs, within: 3 + promptly, observeAtReturn: { finished.current })
        let call = try #require(returned, "runAll did not return within \(Int(3 + promptly)) s")
        #expect(
            call.seenAtReturn == 3,
            "runAll returned before a 3-second job had finished (\(call.seenAtReturn) of 3 had): wait without a deadline")
        #expect(call.results == [0, 1, 2], "expected the results [0, 1, 2], got \(call.results)")
    }

    @Test(
        "one job gives its one result, from a thread of its own, and no jobs give no results",
        .teaches("01-threads#exercise"))
    func singleJobAndNoJobs() throws {
        let ranOn = Shared<ThreadIdentity?>(nil)
        let job: @Sendable () -> Int = {
            ranOn.update { $0 = .current }
            return 42
        }
        let call = try #require(callRunAll([job]), "runAll did not return within \(Int(promptly)) s")
        #expect(call.results == [42], "expected the result [42] for one job, got \(call.results)")
        let thread = try #require(ranOn.current, "the only job never ran")
        #expect(thread.thread !== call.caller.thread, "the only job ran on the thread that called runAll; it needs a new thread")
        let none = try #require(callRunAll([@Sendable () -> Int]()), "runAll of no jobs did not return within \(Int(promptly)) s")
        #expect(none.results.isEmpty, "runAll of an empty list of jobs should return [], got \(none.results)")
    }
}
