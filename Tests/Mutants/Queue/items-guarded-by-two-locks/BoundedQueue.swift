// Mutant: two NSConditions, one for "not full" and one for "not empty", but each NSCondition is its own lock: put() changes the elements under one lock and take() under the other, so a put and a take touch the array at the same time (a data race that ThreadSanitizer reports, and that can corrupt the array)
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

    // Producers wait on `notFull`, consumers on `notEmpty`.
    private let notFull = NSCondition()
    private let notEmpty = NSCondition()
    private var items: [Element] = []
    private var isClosed = false

    public init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for at least one element")
        self.capacity = capacity
    }

    public func put(_ element: Element) throws {
        notFull.lock()
        while items.count == capacity && !isClosed {
            notFull.wait()
        }
        guard !isClosed else {
            notFull.unlock()
            throw QueueError.closed
        }
        items.append(element)
        notFull.unlock()
        notEmpty.lock()
        notEmpty.signal()
        notEmpty.unlock()
    }

    public func take() -> Element? {
        notEmpty.lock()
        while items.isEmpty && !isClosed {
            notEmpty.wait()
        }
        guard !items.isEmpty else {
            notEmpty.unlock()
            return nil
        }
        let oldest = items.removeFirst()
        notEmpty.unlock()
        notFull.lock()
        notFull.signal()
        notFull.unlock()
        return oldest
    }

    public func take(timeout: Double) -> Element? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        notEmpty.lock()
        while items.isEmpty && !isClosed {
            if !notEmpty.wait(until: deadline) { break }
        }
        guard !items.isEmpty else {
            notEmpty.unlock()
            return nil
        }
        let oldest = items.removeFirst()
        notEmpty.unlock()
        notFull.lock()
        notFull.signal()
        notFull.unlock()
        return oldest
    }

    public func close() {
        notFull.lock()
        notEmpty.lock()
        isClosed = true
        notFull.broadcast()
        notEmpty.broadcast()
        notEmpty.unlock()
        notFull.unlock()
    }
}
