#if SOLUTIONS
import QueueSolution
#else
import QueueExercise
#endif
import CourseSupport
import Foundation
import Testing

/// Shutting a queue down: what close() refuses, what it still hands out,
/// and whom it wakes.
extension QueueTests {
    @Test(
        "after close(), put() throws QueueError.closed, and take() hands out what is left, in order, then returns nil at once",
        .teaches("05-producer-consumer#closing-the-queue"))
    func closeThenDrain() throws {
        let queue = BoundedQueue<Int>(capacity: 3)
        try fill(queue, with: [1, 2, 3])
        queue.close()
        let refused = try promptlyOnThread("put() on a closed, full queue") { outcome(of: { try queue.put(4) }) }
        #expect(refused == "threw QueueError.closed", "put() on a closed queue \(refused) instead of throwing QueueError.closed")
        queue.close()  // closing again changes nothing
        let start = Date()
        let drained = try promptlyOnThread("take() and take(timeout: 5) on a closed queue") {
            [queue.take(), queue.take(timeout: 5), queue.take(), queue.take(), queue.take(timeout: 5)]
        }
        let seconds = Date().timeIntervalSince(start)
        #expect(
            drained == [1, 2, 3, nil, nil],
            """
            a queue holding 1, 2, 3 was closed, then take(), take(timeout: 5), take(), take(), take(timeout: 5) returned \
            \(describe(drained)) instead of [1, 2, 3, nil, nil]: a closed queue still hands out what it holds, then nil
            """)
        #expect(
            seconds < 1,
            """
            taking from a closed queue took \(String(format: "%.2f", seconds)) s: once it is closed and empty, take() \
            and take(timeout:) return nil at once, without waiting
            """)
    }

    @Test(
        "close() wakes every consumer waiting in take() or take(timeout:), and each returns nil",
        .teaches("05-producer-consumer#closing-the-queue"))
    func closeWakesEveryConsumer() throws {
        let queue = BoundedQueue<Int>(capacity: 2)
        let results = Shared<[Int?]>([])
        let consumers = startThreads(3, name: "consumer") { index in
            let element = index == 2 ? queue.take(timeout: untilLetGo) : queue.take()
            results.update { $0.append(element) }
        }
        defer { queue.close(); consumers.join(within: promptly) }
        Thread.sleep(forTimeInterval: 0.1)
        try #require(
            results.current.isEmpty,
            """
            take() or take(timeout: 15) on an empty, open queue returned \(describe(results.current)) instead of waiting
            """)
        queue.close()
        #expect(
            consumers.join(within: promptly),
            """
            after close(), \(3 - results.current.count) of 3 consumers waiting on the empty queue were still waiting \
            \(Int(promptly)) s later: close() must wake every waiting thread (broadcast), and a consumer must stop \
            waiting once the queue is closed
            """)
        #expect(
            results.current.allSatisfy { $0 == nil },
            "a consumer woken by close() returned \(describe(results.current)) from an empty queue")
    }

    @Test(
        "close() wakes every producer waiting in put() on a full queue, each throws QueueError.closed, and none adds its element",
        .teaches("05-producer-consumer#closing-the-queue"))
    func closeWakesEveryProducer() throws {
        let queue = BoundedQueue<Int>(capacity: 1)
        try fill(queue, with: [0])
        let outcomes = Shared<[String]>([])
        let producers = startThreads(3, name: "producer") { index in
            let result = outcome(of: { try queue.put(index + 1) })
            outcomes.update { $0.append(result) }
        }
        defer { queue.close(); producers.join(within: promptly) }
        Thread.sleep(forTimeInterval: 0.1)
        try #require(outcomes.current.isEmpty, "put() into a full, open queue \(outcomes.current.first ?? "") instead of waiting for room")
        queue.close()
        #expect(
            producers.join(within: promptly),
            """
            after close(), \(3 - outcomes.current.count) of 3 producers waiting for room were still waiting \
            \(Int(promptly)) s later: close() must wake every waiting thread (broadcast), and a producer must stop \
            waiting once the queue is closed
            """)
        #expect(
            outcomes.current.allSatisfy { $0 == "threw QueueError.closed" },
            """
            producers waiting in put() when the queue closed: \(outcomes.current.joined(separator: ", ")); \
            each must throw QueueError.closed
            """)
        let left = try closeAndDrain(queue)
        #expect(left == [0], "a closed queue that held [0] handed out \(left): a producer woken by close() must not add its element")
    }
}

/// What a put did, in words: "returned", "threw QueueError.closed" or
/// "threw" another error.
func outcome(of put: () throws -> Void) -> String {
    do {
        try put()
        return "returned"
    } catch QueueError.closed {
        return "threw QueueError.closed"
    } catch {
        return "threw \(error)"
    }
}
