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

@Suite("runAll runs jobs on threads of their own")
struct ThreadsTests {
    @Test("results come back in the order of the jobs, even when later jobs finish first",
          .teaches("01-threads#exercise"))
    func resultsInInputOrder() throws {
        // Job 0 sleeps longest, job 4 shortest: they finish in reverse order.
        let jobs: [@Sendable () -> Int] = (0..<5).map { index in
            {
                Thread.sleep(forTimeInterval: Double(5 - index) * 0.03)
                return index * 10
            }
        }
        let call = try #require(callRunAll(jobs), "runAll did not return within \(Int(promptly)) s")
        #expect(call.results == [0, 10, 20, 30, 40],
                "results must be in the order of the jobs, not the order in which they finished")
    }

    @Test("every job runs exactly once", .teaches("01-threads#exercise"))
    func everyJobRunsOnce() throws {
        let runs = Shared(Array(repeating: 0, count: 6))
        let jobs: [@Sendable () -> Int] = (0..<6).map { index in
            {
                runs.update { $0[index] += 1 }
                return index
            }
        }
        let call = try #require(callRunAll(jobs), "runAll did not return within \(Int(promptly)) s")
        #expect(runs.current == Array(repeating: 1, count: 6),
                "each job must run exactly once; times each job ran: \(runs.current)")
        #expect(call.results.count == 6, "expected 6 results, got \(call.results.count)")
    }

    @Test("each job runs on a new thread of its own, not on the caller's thread",
          .teaches("01-threads#two-workers-on-two-threads"))
    func eachJobOnItsOwnThread() throws {
        let seen = Shared<[ThreadIdentity]>([])
        let jobs: [@Sendable () -> Int] = (0..<4).map { index in
            {
                seen.update { $0.append(.current) }
                return index
            }
        }
        let call = try #require(callRunAll(jobs), "runAll did not return within \(Int(promptly)) s")
        let threads = seen.current
        try #require(threads.count == 4, "expected 4 jobs to run, \(threads.count) ran")
        #expect(!threads.contains { $0.thread === call.caller.thread },
                "a job ran on the thread that called runAll; each job needs a new thread")
        let distinct = Set(threads.map { ObjectIdentifier($0.thread) }).count
        #expect(distinct == 4,
                "4 jobs ran on only \(distinct) different thread(s); each job needs a thread of its own")
    }

    @Test("the jobs run at the same time, not one after another",
          .teaches("01-threads#no-gil-threads-run-in-parallel"))
    func jobsOverlap() throws {
        // Each job arrives at the latch and waits for the others. Only when
        // all four are running at once does every wait succeed. The deadline
        // is shared, so a serial runAll fails after `promptly` instead of hanging.
        let count = 4
        let allArrived = CountdownLatch(count)
        let deadline = Date(timeIntervalSinceNow: promptly)
        let jobs: [@Sendable () -> Bool] = (0..<count).map { _ in
            {
                allArrived.countDown()
                return allArrived.wait(within: max(0, deadline.timeIntervalSinceNow))
            }
        }
        let call = try #require(callRunAll(jobs, within: 2 * promptly), "runAll did not return within \(Int(2 * promptly)) s")
        #expect(call.results.count == count, "expected \(count) results, got \(call.results.count)")
        #expect(call.results.allSatisfy { $0 },
                "the jobs never all ran at the same time: start every thread before waiting for any")
    }

    @Test("runAll returns only after every job has finished",
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
        #expect(call.seenAtReturn == 4,
                "runAll returned while jobs were still running (\(call.seenAtReturn) of 4 had finished)")
        #expect(call.results == [0, 1, 2, 3], "expected the results [0, 1, 2, 3], got \(call.results)")
    }

    @Test("runAll waits for a job however long it takes, with no deadline of its own",
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
        #expect(call.seenAtReturn == 3,
                "runAll returned before a 3-second job had finished (\(call.seenAtReturn) of 3 had): wait without a deadline")
        #expect(call.results == [0, 1, 2], "expected the results [0, 1, 2], got \(call.results)")
    }

    @Test("a single job runs on a thread of its own and its result comes back", .teaches("01-threads#exercise"))
    func singleJob() throws {
        let ranOn = Shared<ThreadIdentity?>(nil)
        let job: @Sendable () -> Int = {
            ranOn.update { $0 = .current }
            return 42
        }
        let call = try #require(callRunAll([job]), "runAll did not return within \(Int(promptly)) s")
        #expect(call.results == [42], "expected the result [42], got \(call.results)")
        let thread = try #require(ranOn.current, "the job never ran")
        #expect(thread.thread !== call.caller.thread, "the only job ran on the thread that called runAll; it needs a new thread")
    }

    @Test("an empty list of jobs gives an empty list of results", .teaches("01-threads#exercise"))
    func emptyInput() throws {
        let call = try #require(callRunAll([@Sendable () -> Int]()), "runAll did not return within \(Int(promptly)) s")
        #expect(call.results.isEmpty)
    }
}
