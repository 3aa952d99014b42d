#if SOLUTIONS
import ThreadsSolution
#else
import ThreadsExercise
#endif
import CourseSupport
import Foundation
import Testing

/// Jobs that each wait, with a shared deadline, until all `count` of them
/// are running; each returns whether that happened and records its thread.
/// Only a runAll that starts every job on a thread of its own, before it
/// waits for any, lets every job see the others. The deadline runs from the
/// first job's start, not from the test's: a runAll that is slow to be
/// scheduled (its caller a task waiting for a pool thread) is not a runAll
/// whose jobs run one after another.
struct MeetingJobs: Sendable {
    let jobs: [@Sendable () -> Bool]
    /// The threads the jobs ran on, one entry per job that ran.
    let threads: Shared<[ThreadIdentity]>

    init(_ count: Int, within seconds: Double = promptly) {
        let allArrived = CountdownLatch(count)
        let deadline = Shared<Date?>(nil)
        let threads = Shared<[ThreadIdentity]>([])
        jobs = (0..<count).map { _ in
            {
                threads.update { $0.append(.current) }
                let giveUp = deadline.update { first in
                    if first == nil { first = Date(timeIntervalSinceNow: seconds) }
                    return first!
                }
                allArrived.countDown()
                return allArrived.wait(within: max(0, giveUp.timeIntervalSinceNow))
            }
        }
        self.threads = threads
    }

    /// How many different threads the jobs ran on.
    var distinctThreads: Int { Set(threads.current.map { ObjectIdentifier($0.thread) }).count }
}

/// Which threads the jobs run on: new ones, one per job, all at once.
@Suite("runAll runs every job on a new thread of its own")
struct ThreadsThreadTests {
    @Test(
        "each job runs on a new thread of its own, not on the caller's thread",
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
        #expect(
            !threads.contains { $0.thread === call.caller.thread },
            "a job ran on the thread that called runAll; each job needs a new thread")
        let distinct = Set(threads.map { ObjectIdentifier($0.thread) }).count
        #expect(
            distinct == 4,
            "4 jobs ran on only \(distinct) different thread(s); each job needs a thread of its own")
    }

    @Test(
        "no thread runs two jobs, not even in later calls: each job gets a new thread, not a pooled one",
        .teaches("01-threads#thread-dispatch-and-task-side-by-side"))
    func noThreadIsReused() throws {
        let calls = 5, perCall = 4
        let seen = Shared<[ThreadIdentity]>([])
        for call in 0..<calls {
            let jobs: [@Sendable () -> Int] = (0..<perCall).map { index in
                {
                    seen.update { $0.append(.current) }
                    return index
                }
            }
            let returned = try #require(callRunAll(jobs), "call \(call + 1) of runAll did not return within \(Int(promptly)) s")
            #expect(returned.results == Array(0..<perCall), "call \(call + 1) returned \(returned.results)")
        }
        let threads = seen.current
        try #require(threads.count == calls * perCall, "expected \(calls * perCall) jobs to run, \(threads.count) ran")
        let distinct = Set(threads.map { ObjectIdentifier($0.thread) }).count
        #expect(
            distinct == calls * perCall,
            "\(calls) calls of runAll with \(perCall) jobs each ran the jobs on only \(distinct) different threads: start a new Thread for every job instead of reusing threads (a pool or a Dispatch queue reuses them)"
        )
    }

    @Test(
        "the jobs run at the same time, not one after another",
        .teaches("01-threads#no-gil-threads-run-in-parallel"))
    func jobsOverlap() throws {
        let meeting = MeetingJobs(4)
        let call = try #require(callRunAll(meeting.jobs, within: 2 * promptly), "runAll did not return within \(Int(2 * promptly)) s")
        #expect(call.results.count == 4, "expected 4 results, got \(call.results.count)")
        #expect(
            call.results.allSatisfy { $0 },
            "the 4 jobs never all ran at the same time (they ran on \(meeting.distinctThreads) different threads): start every thread before waiting for any"
        )
    }

    @Test(
        "many jobs, far more than the machine has cores, all run at the same time, each on a thread of its own",
        .teaches("01-threads#exercise"))
    func manyJobsOverlap() throws {
        let count = 40
        let meeting = MeetingJobs(count)
        let call = try #require(callRunAll(meeting.jobs, within: 2 * promptly), "runAll did not return within \(Int(2 * promptly)) s")
        #expect(call.results.count == count, "expected \(count) results, got \(call.results.count)")
        #expect(
            meeting.distinctThreads == count,
            "\(count) jobs ran on \(meeting.distinctThreads) different threads: each job needs a thread of its own, however many jobs there are (no pool of a fixed size)"
        )
        #expect(
            call.results.allSatisfy { $0 },
            "the \(count) jobs never all ran at the same time: start one thread per job, all before waiting")
    }

    @Test(
        "runAll called from a task on the cooperative pool still runs its jobs together on threads of their own",
        .teaches("01-threads#thread-dispatch-and-task-side-by-side"))
    func callFromTask() async throws {
        // The test's own task calls runAll: it runs on a thread of the
        // cooperative pool, which has one thread per core, so a runAll that
        // ran its jobs as tasks would find too few threads for more jobs than
        // cores to meet. runAll blocks this thread, but only as long as the
        // jobs take: each gives up `promptly` after the first one starts.
        let count = max(3, ProcessInfo.processInfo.activeProcessorCount + 1)
        let meeting = MeetingJobs(count)
        let results = runAll(meeting.jobs)
        let caller = ThreadIdentity.current
        #expect(
            results.count == count && results.allSatisfy { $0 },
            "the \(count) jobs of a runAll called from a task never all ran at the same time: run each job on a Thread of its own, not on the cooperative pool"
        )
        #expect(
            !meeting.threads.current.contains { $0.thread === caller.thread },
            "a job ran on the task's thread that called runAll; each job needs a new thread")
    }
}
