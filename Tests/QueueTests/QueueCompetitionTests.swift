#if SOLUTIONS
import QueueSolution
#else
import QueueExercise
#endif
import CourseSupport
import Foundation
import Testing

/// Wake-ups that another thread wins, several waiters of each kind,
/// bursts, and producers and consumers waiting on the queue at once.
extension QueueTests {
    @Test(
        "a consumer woken in take() or take(timeout:) checks again that an element is there, because another consumer may have taken it first",
        .teaches("05-producer-consumer#waiting-for-a-condition-in-a-loop"))
    func wokenConsumerRechecks() throws {
        // A barging consumer puts an element (waking the waiters) and takes
        // it back before they run, round after round; it leaves the last one.
        let queue = BoundedQueue<Int>(capacity: 4)
        let barger = Barger(
            name: "barging-consumer", occupancy: Occupancy(), rounds: 6, holdingFor: 0.01,
            take: { _ = queue.take(timeout: 0) }, giveBack: { (try? queue.put(-1)) != nil })
        try #require(barger.hasTaken(), "take(timeout: 0) on an empty queue did not return within \(Int(promptly)) s")
        let closing = CountdownLatch(1)
        let early = Shared<[String]>([])
        let got = Shared(0)
        let waiters = startThreads(3, name: "consumer") { index in
            barger.shareCore()
            let element = index == 0 ? queue.take(timeout: untilLetGo) : queue.take()
            if element != nil {
                got.update { $0 += 1 }
            } else if !closing.isOpen {
                early.update { $0.append(index == 0 ? "take(timeout: 15)" : "take()") }
            }
        }
        defer { closing.countDown(); queue.close(); barger.finish(); waiters.join(within: promptly) }
        Thread.sleep(forTimeInterval: 0.05)  // the consumers block
        barger.begin()
        try #require(barger.finish(within: promptly), "the barging consumer's puts and takes had not finished after \(Int(promptly)) s")
        let served = eventually(within: promptly) { got.current >= 1 || !early.current.isEmpty }
        #expect(
            early.current.isEmpty,
            """
            \(early.current.joined(separator: " and ")) returned nil on an open queue: a consumer woken when another \
            consumer had already taken the element must wait again (in a `while` loop), not give up
            """)
        #expect(
            served,
            "the element the barging consumer left in the queue was not taken by any of 3 waiting consumers within \(Int(promptly)) s")
        closing.countDown()
        queue.close()
        #expect(waiters.join(within: promptly), "consumers still waiting when the queue closed were not woken within \(Int(promptly)) s")
    }

    @Test(
        "a producer woken in put() checks again that there is room, because another producer may have filled it first",
        .teaches("05-producer-consumer#waiting-for-a-condition-in-a-loop"))
    func wokenProducerRechecks() throws {
        // The driver takes an element (waking the waiting producers) and puts
        // one back before they run, round after round.
        let capacity = 1, rounds = 4
        let queue = BoundedQueue<Int>(capacity: capacity)
        let puts = Shared(1), takes = Shared(0)
        let driver = Driver(prepare: { _ = try? queue.put(0) }) {
            for round in 1...rounds {
                guard queue.take() != nil else { return }
                takes.update { $0 += 1 }
                guard (try? queue.put(round)) != nil else { return }
                puts.update { $0 += 1 }
                Thread.sleep(forTimeInterval: 0.01)  // the woken producers run
            }
        }
        try #require(driver.isReady(), "put() into an empty queue did not return within \(Int(promptly)) s")
        let arrived = CountdownLatch(2)
        let producers = startWaiters(2, name: "producer", on: driver.core, arrived: arrived) { index in
            if (try? queue.put(100 + index)) != nil { puts.update { $0 += 1 } }
        }
        defer { queue.close(); driver.finish(within: promptly); producers.join(within: promptly) }
        try #require(arrived.wait(within: promptly), "the producers did not start")
        Thread.sleep(forTimeInterval: 0.05)  // the producers block
        driver.go()
        // With a correct queue the driver's own puts always fit; with a queue
        // that lets a woken producer in without checking again, they may wait.
        _ = driver.finish(within: 1)
        let left = try closeAndDrain(queue)
        #expect(producers.join(within: promptly) && driver.finish(within: promptly), "threads waiting in put() were not woken by close()")
        #expect(
            left.count <= capacity && left.count == puts.current - takes.current,
            """
            \(puts.current) puts returned and \(takes.current) takes: the queue (room for \(capacity)) held \(left.count) \
            elements: a producer woken when another had already filled the room must wait again (in a `while` loop)
            """)
    }

    @Test(
        "a burst of puts wakes every waiting consumer, and a burst of takes every waiting producer, before any of them has run",
        .teaches("05-producer-consumer#signal-or-broadcast"))
    func burstsWakeEveryWaiter() throws {
        let waiters = 3
        // Consumers: three puts in a row, faster than a woken consumer runs.
        let empty = BoundedQueue<Int>(capacity: 4)
        let putter = Driver {
            for element in 1...waiters { try? empty.put(element) }
        }
        try #require(putter.isReady())
        let taken = Shared<[Int?]>([])
        let consumerArrived = CountdownLatch(waiters)
        let consumers = startWaiters(waiters, name: "consumer", on: putter.core, arrived: consumerArrived) { _ in
            let element = empty.take()
            taken.update { $0.append(element) }
        }
        defer { empty.close(); consumers.join(within: promptly) }
        try #require(consumerArrived.wait(within: promptly), "the consumers did not start")
        Thread.sleep(forTimeInterval: 0.05)
        try #require(taken.current.isEmpty, "take() on an empty, open queue returned \(describe(taken.current)) instead of waiting")
        putter.go()
        try #require(putter.finish(within: promptly), "\(waiters) puts into a queue with room for 4 did not return")
        #expect(
            consumers.join(within: promptly),
            """
            after \(waiters) puts in a row, \(waiters - taken.current.count) of \(waiters) consumers waiting on the empty \
            queue were still waiting \(Int(promptly)) s later: every put must wake a consumer, also when the queue was \
            not empty just before (wake them all)
            """)
        #expect(
            taken.current.compactMap { $0 }.sorted() == [1, 2, 3],
            "the woken consumers took \(describe(taken.current)) instead of 1, 2 and 3")

        // Producers: three takes in a row from a full queue.
        let full = BoundedQueue<Int>(capacity: waiters)
        let taker = Driver(prepare: { for element in 1...waiters { try? full.put(element) } }) {
            for _ in 1...waiters { _ = full.take() }
        }
        try #require(taker.isReady(), "\(waiters) puts into an empty queue with room for \(waiters) did not return")
        let putsDone = Shared(0)
        let producerArrived = CountdownLatch(waiters)
        let producers = startWaiters(waiters, name: "producer", on: taker.core, arrived: producerArrived) { index in
            if (try? full.put(10 + index)) != nil { putsDone.update { $0 += 1 } }
        }
        defer { full.close(); producers.join(within: promptly) }
        try #require(producerArrived.wait(within: promptly), "the producers did not start")
        Thread.sleep(forTimeInterval: 0.05)
        try #require(putsDone.current == 0, "put() into a full, open queue returned instead of waiting for room")
        taker.go()
        try #require(taker.finish(within: promptly), "\(waiters) takes from a full queue did not return")
        #expect(
            producers.join(within: promptly),
            """
            after \(waiters) takes in a row from a full queue, \(waiters - putsDone.current) of \(waiters) producers \
            waiting for room were still waiting \(Int(promptly)) s later: every take must wake a producer, also when the \
            queue was not full just before (wake them all)
            """)
    }

    @Test(
        "a put wakes a waiting consumer even while producers wait too: one condition serves both, so signal() may wake the wrong one",
        .teaches("05-producer-consumer#signal-or-broadcast"))
    func putWakesConsumerAmongProducers() throws {
        // Two producers wait on a full queue. The driver takes one element,
        // which wakes a producer, and at once takes again: it now waits as a
        // consumer beside the other producer. The woken producer's put must
        // reach the driver, not only the other producer.
        for round in 1...3 {
            let queue = BoundedQueue<Int>(capacity: 1)
            let second = Shared<Int??>(nil)
            let driver = Driver(prepare: { _ = try? queue.put(0) }) {
                _ = queue.take()
                let element = queue.take()
                second.update { $0 = .some(element) }
            }
            try #require(driver.isReady(), "put() into an empty queue did not return within \(Int(promptly)) s")
            let arrived = CountdownLatch(2)
            let producers = startWaiters(2, name: "producer", on: driver.core, arrived: arrived) { index in
                _ = try? queue.put(index + 1)
            }
            defer { queue.close(); driver.finish(within: promptly); producers.join(within: promptly) }
            try #require(arrived.wait(within: promptly), "the producers did not start")
            Thread.sleep(forTimeInterval: 0.05)  // both producers wait
            driver.go()
            try #require(
                driver.finish(within: promptly),
                """
                (round \(round)) a consumer waiting in take() was still waiting \(Int(promptly)) s after a producer put \
                an element, while another producer waited too: producers and consumers wait on one condition, so \
                signal() may wake the other producer, which finds no room and sleeps on; use broadcast()
                """)
            let element = second.current ?? nil
            #expect(
                element == 1 || element == 2,
                "(round \(round)) the consumer's take() returned \(describe(element)) instead of a producer's element")
            try #require(
                producers.join(within: promptly),
                """
                (round \(round)) after the consumer's two takes, a producer was still waiting \(Int(promptly)) s later \
                although the queue had room
                """)
            let left = try closeAndDrain(queue)
            #expect(left.count == 1, "(round \(round)) the queue held \(left) at the end instead of the other producer's element")
        }
    }

    @Test(
        "take(timeout:) gives up at its deadline, not before and not much after, while elements keep coming and going",
        .teaches("05-producer-consumer#waiting-with-a-fixed-deadline"))
    func timedTakeDeadlineIsFixed() throws {
        // Every 0.15 s the barging consumer puts an element, waking the
        // waiters, and takes it back before they run. A timeout of 0.2 s must
        // still end each wait after 0.2 s.
        let queue = BoundedQueue<Int>(capacity: 4)
        let barger = Barger(
            name: "barging-consumer", occupancy: Occupancy(), rounds: 6, holdingFor: 0.15,
            take: { _ = queue.take(timeout: 0) }, giveBack: { (try? queue.put(-1)) != nil })
        defer { barger.stopEarly(); barger.finish(); queue.close() }
        try #require(barger.hasTaken(), "take(timeout: 0) on an empty queue did not return within \(Int(promptly)) s")
        let outcomes = Shared<[TimedTake]>([])
        let waiters = startThreads(2, name: "consumer") { _ in
            barger.shareCore()
            let outcome = timedTake(queue, timeout: 0.2)
            outcomes.update { $0.append(outcome) }
        }
        Thread.sleep(forTimeInterval: 0.01)
        barger.begin()
        try #require(
            waiters.join(within: promptly),
            """
            take(timeout: 0.2) had not returned after \(Int(promptly)) s while elements were put and taken every 0.15 s
            """)
        for outcome in outcomes.current {
            #expect(
                outcome.seconds < 0.55,
                """
                take(timeout: 0.2) returned after \(format(outcome.seconds)) while elements came and went every 0.15 s: \
                a wake-up must not restart the timeout (compute the deadline once, before the loop)
                """)
            if outcome.element == nil {
                #expect(
                    outcome.seconds >= 0.19,
                    """
                    take(timeout: 0.2) gave up after \(format(outcome.seconds)), before its timeout: when a wake-up finds \
                    the queue empty again, wait again (in a `while` loop) until the deadline
                    """)
            }
        }
    }
}
