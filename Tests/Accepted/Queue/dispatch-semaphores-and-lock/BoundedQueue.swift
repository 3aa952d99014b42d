// Accepted: Dijkstra's bounded buffer: a DispatchSemaphore counts free slots, another counts elements, an NSLock guards the array; close() leaves one extra permit on each semaphore, which every thread that finds the queue closed passes on
import Foundation

/// Why a queue refused an element.
public enum QueueError: Error, Equatable {
    /// The queue is closed: it accepts no more elements.
    case closed
}

/// A bounded FIFO queue on two counting semaphores and a lock.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    public let capacity: Int

    // `items` and `isClosed` are guarded by `lock`.
    private let lock = NSLock()
    private var items: [Element] = []
    private var isClosed = false
    // One permit per free slot and one per element. Both start at 0 and are
    // raised from there: libdispatch traps when a semaphore is destroyed
    // below the value it was created with.
    private let slots = DispatchSemaphore(value: 0)
    private let filled = DispatchSemaphore(value: 0)

    public init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for at least one element")
        self.capacity = capacity
        for _ in 0..<capacity { slots.signal() }
    }

    public func put(_ element: Element) throws {
        slots.wait()
        lock.lock()
        guard !isClosed else {
            lock.unlock()
            slots.signal()              // the next producer must see the close too
            throw QueueError.closed
        }
        items.append(element)
        lock.unlock()
        filled.signal()
    }

    public func take() -> Element? {
        filled.wait()
        return removeOldest()
    }

    public func take(timeout: Double) -> Element? {
        guard filled.wait(timeout: .now() + max(0, timeout)) == .success else { return nil }
        return removeOldest()
    }

    /// After a permit from `filled`: the oldest element, or nil when the
    /// permit was the one close() added.
    private func removeOldest() -> Element? {
        lock.lock()
        guard !items.isEmpty else {
            lock.unlock()
            filled.signal()             // closed and empty: pass the permit on
            return nil
        }
        let oldest = items.removeFirst()
        lock.unlock()
        slots.signal()
        return oldest
    }

    public func close() {
        lock.lock()
        let wasClosed = isClosed
        isClosed = true
        lock.unlock()
        guard !wasClosed else { return }
        slots.signal()
        filled.signal()
    }
}
