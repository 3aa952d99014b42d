#if SOLUTIONS
import QueueSolution
#else
import QueueExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

@Suite("Bounded blocking queue")
struct QueueTests {
    @Test(
        "elements come out in the order they went in, from one thread and between two",
        .teaches("05-producer-consumer#two-speeds-one-buffer"))
    func firstInFirstOut() throws {
        let queue = BoundedQueue<Int>(capacity: 3)
        let order = try promptlyOnThread("put() three times into a queue with room for 3, then take() three times,") {
            for element in 1...3 { try? queue.put(element) }
            return (1...3).map { _ in queue.take() }
        }
        #expect(order == [1, 2, 3], "put 1, 2, 3, then took \(describe(order)): the oldest element must come out first")

        // A producer and a slower consumer: the queue is often full.
        let count = 300
        let pipe = BoundedQueue<Int>(capacity: 2)
        let received = Shared<[Int]>([])
        defer { pipe.close() }
        let pair = startThreads(2, name: "pipe") { index in
            if index == 0 {
                for element in 0..<count { try? pipe.put(element) }
            } else {
                for round in 0..<count {
                    guard let element = pipe.take() else { return }
                    received.update { $0.append(element) }
                    if round % 8 == 0 { sched_yield() }
                }
            }
        }
        try #require(
            pair.join(within: promptly),
            "a producer putting \(count) elements and a consumer taking them had not finished after \(Int(promptly)) s (a lost wake-up?)")
        let got = received.current
        #expect(
            got == Array(0..<count),
            """
            a consumer took \(got.count) of \(count) elements from one producer\
            \(got.count == count ? ", out of order (first difference at position \(firstDifference(got, Array(0..<count))))" : ""): \
            every element must come out once, oldest first
            """)
    }

    @Test(
        "a put into a full queue waits, and each take lets exactly one waiting producer in: the queue never holds more than its capacity",
        .teaches("05-producer-consumer#two-speeds-one-buffer"))
    func capacityIsNeverExceeded() throws {
        let capacity = 2, producers = 3
        let queue = BoundedQueue<Int>(capacity: capacity)
        try fill(queue, with: [100, 101])
        let returned = Shared(0)
        let group = startThreads(producers, name: "producer") { index in
            if (try? queue.put(index)) != nil { returned.update { $0 += 1 } }
        }
        defer { _ = try? closeAndDrain(queue); group.join(within: promptly) }
        Thread.sleep(forTimeInterval: 0.1)
        try #require(
            returned.current == 0,
            """
            \(returned.current) of \(producers) calls to put() returned while the queue already held its capacity of \
            \(capacity) elements: put() must wait while the queue is full
            """)
        for taken in 1...producers {
            let element = try promptlyOnThread("take() from a full queue") { queue.take() }
            try #require(element != nil, "take() from a full queue returned nil")
            try #require(
                eventually(within: promptly) { returned.current >= taken },
                """
                after \(taken) take() calls from a full queue, only \(returned.current) of \(producers) waiting producers \
                had gone on within \(Int(promptly)) s: a take must wake a producer waiting for room
                """)
            Thread.sleep(forTimeInterval: 0.05)
            try #require(
                returned.current == taken,
                """
                after \(taken) take() calls from a full queue, \(returned.current) waiting producers had put their \
                element: each take makes room for exactly one, so the queue held more than its capacity of \(capacity)
                """)
        }
        try #require(group.join(within: promptly), "a producer whose put() had returned did not finish")
        let left = try closeAndDrain(queue)
        #expect(
            left.count == capacity,
            """
            after \(producers + capacity) puts and \(producers) takes, \(left.count) elements were left instead of \(capacity)
            """)
    }

    @Test(
        "many producers and consumers released together: every element is delivered exactly once, each producer's in order, and the queue never overfills",
        .teaches("05-producer-consumer#two-speeds-one-buffer"))
    func everyElementExactlyOnce() throws {
        let producers = 3, consumers = 3, perProducer = 200, capacity = 2
        let queue = BoundedQueue<Int>(capacity: capacity)
        let stats = DeliveryStats()
        let produced = CountdownLatch(producers)
        let group = startThreads(producers + consumers) { index in
            if index < producers {
                for serial in 0..<perProducer {
                    guard (try? queue.put(index * 10_000 + serial)) != nil else {
                        stats.note("put() threw on an open queue")
                        break
                    }
                    stats.putReturned(capacity: capacity)
                }
                produced.countDown()
            } else {
                var lastSerial = [Int](repeating: -1, count: producers)
                while true {
                    stats.takeStarting()
                    guard let element = queue.take() else { break }
                    let (producer, serial) = element.quotientAndRemainder(dividingBy: 10_000)
                    if producer < producers && serial <= lastSerial[producer] {
                        stats.note(
                            """
                            a consumer took element \(serial) of producer \(producer) after its element \
                            \(lastSerial[producer]): elements must come out in the order they went in
                            """)
                    }
                    if producer < producers { lastSerial[producer] = serial }
                    stats.received(element)
                }
            }
        }
        let finished = produced.wait(within: promptly)
        queue.close()
        try #require(
            finished && group.join(within: promptly),
            """
            \(producers) producers and \(consumers) consumers sharing a queue with room for \(capacity) had not finished \
            \(Int(promptly)) s after they started (\(stats.receivedCount) of \(producers * perProducer) elements taken): a lost wake-up?
            """)
        #expect(stats.notes.isEmpty, "\(stats.notes.first ?? "")")
        #expect(
            stats.mostAhead <= capacity,
            """
            at one moment \(stats.mostAhead) more puts had returned than takes had even started: the queue held more than \
            its capacity of \(capacity)
            """)
        let expected = (0..<producers).flatMap { producer in (0..<perProducer).map { producer * 10_000 + $0 } }
        let received = stats.all.sorted()
        #expect(
            received == expected,
            """
            the consumers took \(received.count) elements, \(Set(received).count) of them different, from \
            \(expected.count) elements put: every element must be delivered exactly once
            """)
    }

    @Test(
        "a consumer blocked on an empty queue goes on promptly after a put, and a producer blocked on a full queue after a take",
        .teaches("05-producer-consumer#waiting-for-a-condition-in-a-loop"))
    func blockedThreadsAreWoken() throws {
        let queue = BoundedQueue<Int>(capacity: 1)
        defer { queue.close() }
        let taken = Shared<Int??>(nil)
        let consumer = startThread(name: "consumer") {
            let element = queue.take()
            taken.update { $0 = .some(element) }
        }
        Thread.sleep(forTimeInterval: 0.1)
        try #require(taken.current == nil, "take() on an empty, open queue returned \(describe(taken.current ?? nil)) instead of waiting")
        try fill(queue, with: [7])
        try #require(
            consumer.join(within: promptly),
            "a consumer blocked in take() on an empty queue was still waiting \(Int(promptly)) s after a put(): the wake-up was lost")
        #expect(taken.current == .some(7), "the woken take() returned \(describe(taken.current ?? nil)) instead of 7")

        try fill(queue, with: [1])
        let putReturned = Shared(false)
        let producer = startThread(name: "producer") {
            if (try? queue.put(2)) != nil { putReturned.update { $0 = true } }
        }
        Thread.sleep(forTimeInterval: 0.1)
        try #require(!producer.join(within: 0), "put() into a full queue returned instead of waiting for room")
        let first = try promptlyOnThread("take() from a full queue") { queue.take() }
        #expect(first == 1, "take() from a queue holding 1 returned \(describe(first))")
        try #require(
            producer.join(within: promptly),
            "a producer blocked in put() on a full queue was still waiting \(Int(promptly)) s after a take(): the wake-up was lost")
        #expect(putReturned.current, "put() threw on an open queue")
        #expect(try closeAndDrain(queue) == [2], "the element of the woken put() was not in the queue afterwards")
    }
}

/// What the consumers of ``QueueTests/everyElementExactlyOnce()`` saw.
final class DeliveryStats: Sendable {
    private let returnedPuts = Atomic<Int>(0)
    private let startedTakes = Atomic<Int>(0)
    private let ahead = Atomic<Int>(0)
    private let elements = Shared<[Int]>([])
    private let problems = Shared<[String]>([])

    /// After a put returned: its element is in the queue or was taken by a
    /// take that had started, so puts returned minus takes started is at
    /// most the number of elements in the queue, which is at most `capacity`.
    func putReturned(capacity: Int) {
        let puts = returnedPuts.add(1, ordering: .sequentiallyConsistent).newValue
        let takes = startedTakes.load(ordering: .sequentiallyConsistent)
        ahead.max(puts - takes, ordering: .sequentiallyConsistent)
    }

    func takeStarting() { startedTakes.add(1, ordering: .sequentiallyConsistent) }
    func received(_ element: Int) { elements.update { $0.append(element) } }
    func note(_ problem: String) { problems.update { $0.append(problem) } }

    var mostAhead: Int { ahead.load(ordering: .sequentiallyConsistent) }
    var all: [Int] { elements.current }
    var receivedCount: Int { elements.current.count }
    var notes: [String] { problems.current }
}

/// An optional element as a failure message shows it.
func describe(_ element: Int?) -> String { element.map(String.init) ?? "nil" }

func describe(_ elements: [Int?]) -> String { "[" + elements.map(describe).joined(separator: ", ") + "]" }

func firstDifference(_ got: [Int], _ expected: [Int]) -> Int {
    zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, expected.count)
}
