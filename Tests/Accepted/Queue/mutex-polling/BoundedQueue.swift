// Accepted: the elements and the flag live in a Synchronization.Mutex; put and take poll it, sleeping a little between looks, instead of waiting on a condition
import Foundation
import Synchronization

/// Why a queue refused an element.
public enum QueueError: Error, Equatable {
    /// The queue is closed: it accepts no more elements.
    case closed
}

/// A bounded FIFO queue that polls a Mutex-guarded state.
public final class BoundedQueue<Element: Sendable>: Sendable {
    public let capacity: Int

    private struct State {
        var items: [Element] = []
        var isClosed = false
    }

    private enum Attempt {
        case done, closed, retry
    }

    private let state = Mutex(State())

    public init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for at least one element")
        self.capacity = capacity
    }

    public func put(_ element: Element) throws {
        while true {
            let attempt: Attempt = state.withLock { state in
                if state.isClosed { return .closed }
                guard state.items.count < capacity else { return .retry }
                state.items.append(element)
                return .done
            }
            switch attempt {
            case .done: return
            case .closed: throw QueueError.closed
            case .retry: usleep(100)
            }
        }
    }

    /// The oldest element; `nil` with `false` when the queue is closed and
    /// empty, `nil` with `true` when it is open and empty.
    private func poll() -> (Element?, mayCome: Bool) {
        state.withLock { state in
            if !state.items.isEmpty { return (state.items.removeFirst(), false) }
            return (nil, !state.isClosed)
        }
    }

    public func take() -> Element? {
        while true {
            let (element, mayCome) = poll()
            if element != nil || !mayCome { return element }
            usleep(100)
        }
    }

    public func take(timeout: Double) -> Element? {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while true {
            let (element, mayCome) = poll()
            if element != nil || !mayCome || Date() >= deadline { return element }
            usleep(100)
        }
    }

    public func close() {
        state.withLock { $0.isClosed = true }
    }
}
