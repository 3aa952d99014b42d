// Accepted: one NSCondition over a fixed ring buffer; the waiting producers and consumers are counted, and a change broadcasts only when a thread of the kind that can use it waits
import Foundation

/// Why a queue refused an element.
public enum QueueError: Error, Equatable {
    /// The queue is closed: it accepts no more elements.
    case closed
}

/// A bounded FIFO queue in a ring buffer, on one NSCondition.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    public let capacity: Int

    // Everything below is guarded by `condition`. The elements are
    // `slots[head]`, `slots[head + 1]`, … (`count` of them, wrapping round).
    private let condition = NSCondition()
    private var slots: [Element?]
    private var head = 0
    private var count = 0
    private var isClosed = false
    private var waitingProducers = 0
    private var waitingConsumers = 0

    public init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for at least one element")
        self.capacity = capacity
        slots = Array(repeating: nil, count: capacity)
    }

    public func put(_ element: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while count == capacity && !isClosed {
            waitingProducers += 1
            condition.wait()
            waitingProducers -= 1
        }
        guard !isClosed else { throw QueueError.closed }
        slots[(head + count) % capacity] = element
        count += 1
        if waitingConsumers > 0 { condition.broadcast() }
    }

    public func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !isClosed {
            waitingConsumers += 1
            condition.wait()
            waitingConsumers -= 1
        }
        return removeOldest()
    }

    public func take(timeout: Double) -> Element? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while count == 0 && !isClosed {
            waitingConsumers += 1
            let woken = condition.wait(until: deadline)
            waitingConsumers -= 1
            if !woken { break }
        }
        return removeOldest()
    }

    /// The caller holds the condition's lock.
    private func removeOldest() -> Element? {
        guard count > 0 else { return nil }
        let oldest = slots[head]
        slots[head] = nil
        head = (head + 1) % capacity
        count -= 1
        if waitingProducers > 0 { condition.broadcast() }
        return oldest
    }

    public func close() {
        condition.lock()
        defer { condition.unlock() }
        isClosed = true
        condition.broadcast()
    }
}
