#if SOLUTIONS
import QueueSolution
#else
import QueueExercise
#endif
import CourseSupport
import Foundation
import Testing

/// What a timed take did: the element it returned and how long it took.
struct TimedTake: Sendable {
    var element: Int?
    var seconds: Double
}

/// Calls `take(timeout:)` and times it.
func timedTake(_ queue: BoundedQueue<Int>, timeout: Double) -> TimedTake {
    let start = Date()
    let element = queue.take(timeout: timeout)
    return TimedTake(element: element, seconds: Date().timeIntervalSince(start))
}

func format(_ seconds: Double) -> String { String(format: "%.2f s", seconds) }

/// Timed takes, and waits without a time limit that last for seconds.
extension QueueTests {
    @Test(
        "take(timeout:) returns nil after about its timeout when nothing comes, and the element when one comes in time",
        .teaches("05-producer-consumer#waiting-with-a-fixed-deadline"))
    func timedTakeGivesUpOrGets() throws {
        let queue = BoundedQueue<Int>(capacity: 1)
        let idle = try promptlyOnThread("take(timeout: 0.1) on an empty queue") { timedTake(queue, timeout: 0.1) }
        #expect(idle.element == nil, "take(timeout: 0.1) on an empty queue returned \(describe(idle.element))")
        #expect(idle.seconds >= 0.09, "take(timeout: 0.1) on an empty queue gave up after only \(format(idle.seconds))")
        #expect(idle.seconds < 1.5, "take(timeout: 0.1) on an empty queue took \(format(idle.seconds)) to give up")

        let putter = startThread(name: "producer") {
            Thread.sleep(forTimeInterval: 0.05)
            try? queue.put(5)
        }
        defer { putter.join(within: promptly) }
        let fed = try promptlyOnThread("take(timeout: 2), with a put after 0.05 s,") { timedTake(queue, timeout: 2) }
        #expect(fed.element == 5, "take(timeout: 2) returned \(describe(fed.element)) although 5 was put after 0.05 s")
        #expect(fed.seconds < 1.5, "take(timeout: 2) took \(format(fed.seconds)) although an element came after 0.05 s")
    }

    @Test(
        "take(timeout:) with a timeout of 0 or below takes an element that is there, and with a timeout of a year is woken by a put",
        .teaches("05-producer-consumer#waiting-with-a-fixed-deadline"))
    func timedTakeEdges() throws {
        let queue = BoundedQueue<Int>(capacity: 2)
        try fill(queue, with: [1, 2])
        let now = try promptlyOnThread("take(timeout: 0) and take(timeout: -1) with elements there") {
            [queue.take(timeout: 0), queue.take(timeout: -1)]
        }
        #expect(
            now == [1, 2],
            """
            with 1 and 2 in the queue, take(timeout: 0) then take(timeout: -1) returned \(describe(now)): an element that \
            is there is taken whatever the timeout, which only limits waiting
            """)
        let past = try promptlyOnThread("take(timeout: -1) on an empty queue") { timedTake(queue, timeout: -1) }
        #expect(
            past.element == nil && past.seconds < 0.5,
            """
            take(timeout: -1) on an empty queue returned \(describe(past.element)) after \(format(past.seconds)): \
            a timeout already past means no waiting
            """)

        let result = Shared<Int??>(nil)
        let waiter = startThread(name: "consumer") {
            let element = queue.take(timeout: 365 * 86_400)
            result.update { $0 = .some(element) }
        }
        defer { queue.close(); waiter.join(within: promptly) }
        Thread.sleep(forTimeInterval: 0.1)
        try #require(result.current == nil, "take(timeout: a year) on an empty queue returned \(describe(result.current ?? nil)) at once")
        try fill(queue, with: [3])
        try #require(waiter.join(within: promptly), "take(timeout: a year) was not woken within \(Int(promptly)) s of a put()")
        #expect(
            result.current == .some(3), "take(timeout: a year) returned \(describe(result.current ?? nil)) instead of the 3 that was put")
    }

    @Test(
        "put() and take() wait as long as it takes, seconds if need be: they have no time limit of their own",
        .teaches("05-producer-consumer#waiting-with-a-fixed-deadline"))
    func longWaitsAreNotCutShort() throws {
        // A slow partner: the producer's queue stays full and the consumer's
        // empty for 3 s. A put or take that gives up after a "safety"
        // timeout of a second or two is caught here.
        let full = BoundedQueue<Int>(capacity: 1), empty = BoundedQueue<Int>(capacity: 1)
        try fill(full, with: [0])
        let start = Date()
        let putDone = Shared<(seconds: Double, threw: Bool)?>(nil)
        let takeDone = Shared<(seconds: Double, element: Int?)?>(nil)
        let producer = startThread(name: "producer") {
            let threw = (try? full.put(1)) == nil
            putDone.update { $0 = (Date().timeIntervalSince(start), threw) }
        }
        let consumer = startThread(name: "consumer") {
            let element = empty.take()
            takeDone.update { $0 = (Date().timeIntervalSince(start), element) }
        }
        defer { full.close(); empty.close(); producer.join(within: promptly); consumer.join(within: promptly) }
        Thread.sleep(forTimeInterval: 3)
        if let (seconds, threw) = putDone.current {
            Issue.record(
                "put() on a full queue \(threw ? "threw" : "returned") after \(format(seconds)) although nothing was taken: a producer waits for room as long as it takes"
            )
        }
        if let (seconds, element) = takeDone.current {
            Issue.record(
                "take() on an empty queue returned \(describe(element)) after \(format(seconds)) although nothing was put: a consumer waits as long as it takes"
            )
        }
        guard putDone.current == nil && takeDone.current == nil else { return }
        let first = try promptlyOnThread("take() from a full queue") { full.take() }
        #expect(first == 0, "take() from a queue holding 0 returned \(describe(first))")
        try fill(empty, with: [9])
        #expect(
            producer.join(within: promptly) && consumer.join(within: promptly),
            """
            a producer and a consumer that had waited 3 s were not woken within \(Int(promptly)) s by a take() and a put()
            """)
        #expect(putDone.current?.threw == false, "put() threw on an open queue after its wait")
        #expect(takeDone.current?.element == 9, "take() returned \(describe(takeDone.current?.element)) after its wait instead of 9")
    }
}
