// Mutant: put() waits only while the queue holds more than `capacity` elements, so it lets one element too many in
import Foundation

/// Why a queue refused an element.
public enum QueueError: Error, Equatable {
    /// The queue is closed: it accepts no more elements.
    case closed
}

/// A first-in, first-out queue that holds at most `capacity` elements,
/// shared by producer and consumer threads: producers wait while it is
/// full, consumers while it is empty.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    /// The most elements the queue holds at once.
    public let capacity: Int

    // `items` (oldest first) and `isClosed` are guarded by `condition`: they
    // are read and changed only while holding its lock. Producers wait on it
    // for room, consumers for an element or the close; both kinds share it.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var isClosed = false

    public init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for at least one element")
        self.capacity = capacity
    }

    /// Adds `element` at the back, waiting while the queue is full.
    /// - Throws: `QueueError.closed` if the queue is closed, or is closed
    ///   while this call waits; the element is then not added.
    public func put(_ element: Element) throws {
        condition.lock()
        defer { condition.unlock() }
        while items.count > capacity && !isClosed {
            condition.wait()
        }
        guard !isClosed else { throw QueueError.closed }
        items.append(element)
        // Producers wait on this condition too: signal() might wake one of
        // them, which finds no room and sleeps on, while the consumer that
        // could take the element never hears of it. Wake them all.
        condition.broadcast()
    }

    /// Removes and returns the element at the front, waiting while the
    /// queue is empty.
    /// - Returns: the element, or `nil` once the queue is closed and empty.
    public func take() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !isClosed {
            condition.wait()
        }
        guard !items.isEmpty else { return nil }   // closed and drained
        let oldest = items.removeFirst()
        condition.broadcast()                     // there is room for a producer
        return oldest
    }

    /// Removes and returns the element at the front, waiting at most
    /// `timeout` seconds in all while the queue is empty.
    /// - Returns: the element, or `nil` if none came in time or the queue
    ///   is closed and empty.
    public func take(timeout: Double) -> Element? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !isClosed {
            if !condition.wait(until: deadline) { break }
        }
        guard !items.isEmpty else { return nil }
        let oldest = items.removeFirst()
        condition.broadcast()
        return oldest
    }

    /// Closes the queue: later puts throw, takes hand out what is left and
    /// then return `nil`. Every waiting producer and consumer is woken.
    public func close() {
        condition.lock()
        defer { condition.unlock() }
        isClosed = true
        condition.broadcast()
    }
}
