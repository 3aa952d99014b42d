// Accepted: a DispatchSemaphore does the counting and waiting; an atomic count of free permits, changed only by compare-and-exchange, lets the bounded release refuse an over-release
import Dispatch
import Foundation
import Synchronization

/// What a semaphore can report about its misuse.
public enum SemaphoreError: Error, Equatable {
    /// A release would have raised the count above the starting permits.
    case overRelease
}

/// A counting semaphore built on DispatchSemaphore.
public final class CountingSemaphore: Sendable {
    private let semaphore: DispatchSemaphore
    /// Free permits as far as releases are concerned: raised before a
    /// signal, lowered after a successful wait.
    private let free: Atomic<Int>

    public init(permits: Int) {
        precondition(permits >= 0, "a semaphore cannot start with negative permits")
        // Created with 0 and signalled up: libdispatch traps when a semaphore
        // is destroyed below its starting value, and permits may be held then.
        semaphore = DispatchSemaphore(value: 0)
        for _ in 0..<permits { semaphore.signal() }
        free = Atomic(permits)
    }

    public func acquire() {
        semaphore.wait()
        free.subtract(1, ordering: .acquiringAndReleasing)
    }

    public func release() {
        free.add(1, ordering: .acquiringAndReleasing)
        semaphore.signal()
    }

    public func tryAcquire(timeout: Double) -> Bool {
        guard semaphore.wait(timeout: .now() + max(timeout, 0)) == .success else { return false }
        free.subtract(1, ordering: .acquiringAndReleasing)
        return true
    }

    public func withPermit<T>(_ body: () throws -> T) rethrows -> T {
        acquire()
        defer { release() }
        return try body()
    }

    fileprivate func release(upTo limit: Int) -> Bool {
        var seen = free.load(ordering: .acquiring)
        while seen < limit {
            let (exchanged, original) = free.compareExchange(expected: seen, desired: seen + 1, ordering: .acquiringAndReleasing)
            if exchanged {
                semaphore.signal()
                return true
            }
            seen = original
        }
        return false
    }
}

/// A counting semaphore that refuses to be released more often than it was
/// acquired, like Python's `BoundedSemaphore`.
public final class BoundedSemaphore: Sendable {
    private let semaphore: CountingSemaphore
    private let limit: Int

    public init(permits: Int) {
        semaphore = CountingSemaphore(permits: permits)
        limit = permits
    }

    public func acquire() { semaphore.acquire() }

    public func tryAcquire(timeout: Double) -> Bool {
        semaphore.tryAcquire(timeout: timeout)
    }

    public func release() throws {
        guard semaphore.release(upTo: limit) else {
            throw SemaphoreError.overRelease
        }
    }
}
