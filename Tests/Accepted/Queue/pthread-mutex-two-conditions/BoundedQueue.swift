// Accepted: a POSIX mutex with two condition variables on it, "not full" and "not empty", so each side is woken with signal(); the deadline becomes a timespec for pthread_cond_timedwait
import Foundation

/// Why a queue refused an element.
public enum QueueError: Error, Equatable {
    /// The queue is closed: it accepts no more elements.
    case closed
}

/// A bounded FIFO queue on a pthread mutex and two condition variables.
public final class BoundedQueue<Element: Sendable>: @unchecked Sendable {
    public let capacity: Int

    // `items` and `isClosed` are guarded by `mutex`. Producers wait on
    // `notFull`, consumers on `notEmpty`: both use the same mutex, which
    // NSCondition (a lock and a condition in one) cannot do.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let notFull = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let notEmpty = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var items: [Element] = []
    private var isClosed = false

    public init(capacity: Int) {
        precondition(capacity > 0, "a bounded queue needs room for at least one element")
        self.capacity = capacity
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(notFull, nil)
        pthread_cond_init(notEmpty, nil)
    }

    deinit {
        pthread_cond_destroy(notEmpty)
        pthread_cond_destroy(notFull)
        pthread_mutex_destroy(mutex)
        notEmpty.deallocate()
        notFull.deallocate()
        mutex.deallocate()
    }

    public func put(_ element: Element) throws {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while items.count == capacity && !isClosed { pthread_cond_wait(notFull, mutex) }
        guard !isClosed else { throw QueueError.closed }
        items.append(element)
        pthread_cond_signal(notEmpty)
    }

    public func take() -> Element? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while items.isEmpty && !isClosed { pthread_cond_wait(notEmpty, mutex) }
        return removeOldest()
    }

    public func take(timeout: Double) -> Element? {
        let end = Date(timeIntervalSinceNow: timeout).timeIntervalSince1970
        var deadline = timespec(tv_sec: Int(end.rounded(.down)), tv_nsec: Int((end - end.rounded(.down)) * 1_000_000_000))
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while items.isEmpty && !isClosed {
            if pthread_cond_timedwait(notEmpty, mutex, &deadline) == ETIMEDOUT { break }
        }
        return removeOldest()
    }

    /// Takes the oldest element and wakes a producer; the caller holds `mutex`.
    private func removeOldest() -> Element? {
        guard !items.isEmpty else { return nil }
        let oldest = items.removeFirst()
        pthread_cond_signal(notFull)
        return oldest
    }

    public func close() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        isClosed = true
        pthread_cond_broadcast(notFull)
        pthread_cond_broadcast(notEmpty)
    }
}
