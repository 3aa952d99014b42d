// Mutant: the count is an atomic taken and given back with `.relaxed` ordering and spun on: the count stays right, but relaxed atomics order nothing else, so what one holder wrote need not be visible to the next (only ThreadSanitizer sees it)
import Foundation
import Synchronization

/// What a semaphore can report about its misuse.
public enum SemaphoreError: Error, Equatable {
    /// A release would have raised the count above the starting permits.
    case overRelease
}

/// A counting semaphore: at most `permits` threads hold a permit at once.
public final class CountingSemaphore: Sendable {
    /// The number of free permits.
    private let permits: Atomic<Int>

    public init(permits: Int) {
        precondition(permits >= 0, "a semaphore cannot start with negative permits")
        self.permits = Atomic(permits)
    }

    /// Takes a free permit if there is one.
    private func take() -> Bool {
        var seen = permits.load(ordering: .relaxed)
        while seen > 0 {
            let (exchanged, original) = permits.compareExchange(expected: seen, desired: seen - 1, ordering: .relaxed)
            if exchanged { return true }
            seen = original
        }
        return false
    }

    /// Takes a permit, waiting until one is free.
    public func acquire() {
        while !take() { sched_yield() }
    }

    /// Gives a permit back.
    public func release() {
        permits.add(1, ordering: .relaxed)
    }

    /// Takes a permit if one is free or becomes free within `timeout`
    /// seconds.
    /// - Returns: whether a permit was taken.
    public func tryAcquire(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !take() {
            if Date() >= deadline { return false }
            sched_yield()
        }
        return true
    }

    /// Runs `body` while holding a permit and returns its result. The
    /// permit is given back even if `body` throws.
    public func withPermit<T>(_ body: () throws -> T) rethrows -> T {
        acquire()
        defer { release() }
        return try body()
    }

    /// Gives a permit back only if fewer than `limit` are free.
    /// - Returns: whether the permit was given back.
    fileprivate func release(upTo limit: Int) -> Bool {
        var seen = permits.load(ordering: .relaxed)
        while seen < limit {
            let (exchanged, original) = permits.compareExchange(expected: seen, desired: seen + 1, ordering: .relaxed)
            if exchanged { return true }
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

    /// Takes a permit, waiting until one is free.
    public func acquire() { semaphore.acquire() }

    /// Takes a permit if one is free or becomes free within `timeout` seconds.
    public func tryAcquire(timeout: Double) -> Bool {
        semaphore.tryAcquire(timeout: timeout)
    }

    /// Gives a permit back.
    /// - Throws: `SemaphoreError.overRelease` if every permit is already free;
    ///   the count is then left unchanged.
    public func release() throws {
        guard semaphore.release(upTo: limit) else {
            throw SemaphoreError.overRelease
        }
    }
}
