#if SOLUTIONS
import QueueSolution
#else
import QueueExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

/// A message with no protection of its own: only the queue that carries it
/// orders the producer's writes before the consumer's reads.
final class Parcel: @unchecked Sendable {
    var number = 0
    var label = ""
}

/// Callers on the cooperative pool, and accesses only ThreadSanitizer can judge.
extension QueueTests {
    @Test(
        "tasks on the cooperative pool put and take beside threads, and every element arrives exactly once",
        .teaches("05-producer-consumer#share-memory-by-communicating"))
    func tasksShareTheQueue() async throws {
        try await atTestPriority(Self.tasksShareTheQueueBody)
    }

    @Sendable private static func tasksShareTheQueueBody() async throws {
        // A task blocked in put() holds a pool thread, so a consumer on a
        // thread of its own takes everything the tasks put: their waits for
        // room are short and bounded by its progress. One more task takes
        // with take(timeout: 0), polling, as async code that must not block
        // would.
        let queue = BoundedQueue<Int>(capacity: 2)
        let taken = Shared<[Int]>([])
        let consumer = startThread(name: "consumer") {
            while let element = queue.take() { taken.update { $0.append(element) } }
        }
        let producers = 3, perProducer = 60
        let produced = CountdownLatch(producers)
        let failures = Shared<[String]>([])
        for producer in 0..<producers {
            Task(priority: testTaskPriority) {
                defer { produced.countDown() }
                for serial in 0..<perProducer {
                    do {
                        try queue.put(producer * 1_000 + serial)
                    } catch {
                        failures.update { $0.append("put() in a task threw \(error) on an open queue") }
                        return
                    }
                    if serial % 4 == 0 { await Task.yield() }
                }
            }
        }
        let polled = CountdownLatch(1)
        Task(priority: testTaskPriority) {
            defer { polled.countDown() }
            var mine = 0
            while mine < 20 && !produced.isOpen {
                if let element = queue.take(timeout: 0) {
                    taken.update { $0.append(element) }
                    mine += 1
                } else {
                    try? await Task.sleep(for: .milliseconds(1))
                }
            }
        }
        let done = await poll(within: 2 * promptly) { produced.isOpen && polled.isOpen }
        queue.close()
        try #require(
            done,
            """
            \(producers) tasks putting \(perProducer) elements each, with a thread taking them, had not finished after \
            \(Int(2 * promptly)) s (\(taken.current.count) taken)
            """)
        try #require(
            await poll(within: promptly) { consumer.isFinished },
            "the consumer thread's take() did not return nil within \(Int(promptly)) s of close()")
        #expect(failures.current.isEmpty, "\(failures.current.first ?? "")")
        let expected = (0..<producers).flatMap { producer in (0..<perProducer).map { producer * 1_000 + $0 } }
        let received = taken.current.sorted()
        #expect(
            received == expected,
            """
            of \(expected.count) elements put by tasks, \(received.count) were taken (\(Set(received).count) different): \
            every element must arrive exactly once
            """)
    }

    @Test(
        "what a producer wrote into a value before put() is what the consumer reads after take(), and a put racing close() is ordered by the queue: no data race",
        .teaches("05-producer-consumer#share-memory-by-communicating"))
    func handOffOrdersAccesses() throws {
        // Nothing but the queue orders a parcel's writes before its reads: no
        // other lock or atomic touches them, so under ThreadSanitizer a queue
        // that does not synchronize is reported. One consumer spins on
        // take(timeout: 0), so that its look at the queue meets the other
        // threads' changes again and again.
        let queue = BoundedQueue<Parcel>(capacity: 4)
        let perProducer = 300
        let produced = CountdownLatch(2)
        let wrong = Atomic<Int>(0), received = Atomic<Int>(0)
        let check: @Sendable (Parcel) -> Void = { parcel in
            if parcel.label != "parcel \(parcel.number)" { wrong.add(1, ordering: .relaxed) }
            parcel.label = "read"
            received.add(1, ordering: .relaxed)
        }
        let giveUp = Date(timeIntervalSinceNow: promptly)
        let group = startThreads(4) { index in
            switch index {
            case 0, 1:
                for serial in 0..<perProducer {
                    let parcel = Parcel()
                    parcel.number = index * 10_000 + serial
                    parcel.label = "parcel \(parcel.number)"
                    guard (try? queue.put(parcel)) != nil else { break }
                }
                produced.countDown()
            case 2:
                while let parcel = queue.take() { check(parcel) }
            default:
                while Date() < giveUp {
                    if let parcel = queue.take(timeout: 0) {
                        check(parcel)
                    } else if produced.isOpen {
                        break
                    } else {
                        sched_yield()
                    }
                }
            }
        }
        let finished = produced.wait(within: promptly)
        queue.close()
        try #require(
            finished && group.join(within: promptly),
            """
            2 producers and 2 consumers passing \(2 * perProducer) parcels had not finished after \(Int(promptly)) s
            """)
        #expect(
            wrong.load(ordering: .relaxed) == 0,
            """
            \(wrong.load(ordering: .relaxed)) parcels were read with other contents than their producer wrote before put()
            """)
        #expect(
            received.load(ordering: .relaxed) == 2 * perProducer,
            """
            \(received.load(ordering: .relaxed)) of \(2 * perProducer) parcels were taken
            """)

        // A producer that never has to wait, putting until close() stops it.
        // It paces itself (a few thousand puts a second at most), so it is
        // still putting when close() comes, however late the test thread
        // runs, and the queue never fills: its first put() after close()
        // must learn of it through the queue's lock.
        let open = BoundedQueue<Int>(capacity: 10_000)
        let accepted = Atomic<Int>(0)
        let late = startThread(name: "late-producer") {
            let stop = Date(timeIntervalSinceNow: untilLetGo)
            var element = 0
            while Date() < stop {
                guard (try? open.put(element)) != nil else { return }
                accepted.add(1, ordering: .relaxed)
                element += 1
                Thread.sleep(forTimeInterval: 0.0002)
            }
        }
        try #require(
            eventually(within: promptly) { accepted.load(ordering: .relaxed) >= 20 },
            "20 puts into a queue with room for 10,000 did not return within \(Int(promptly)) s")
        let left = try closeAndDrain(open)
        try #require(late.join(within: promptly), "a producer whose queue was closed kept putting for \(Int(promptly)) s")
        #expect(
            left.count == accepted.load(ordering: .relaxed),
            """
            \(accepted.load(ordering: .relaxed)) puts returned before close() stopped the producer, but \(left.count) \
            elements were left in the queue: every accepted element must be delivered
            """)
    }
}
