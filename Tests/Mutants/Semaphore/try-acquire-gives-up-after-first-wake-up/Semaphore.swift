// Mutant: tryAcquire(timeout:) waits once and gives up if no permit is free when it wakes, although the timeout has not passed
import Foundation

/// What a semaphore can report about its misuse.
public enum SemaphoreError: Error, Equatable {
    /// A release would have raised the count above the starting permits.
    case overRelease
}

/// A counting semaphore: at most `permits` threads hold a permit at once.
public final class CountingSemaphore: @unchecked Sendable {
    // `permits` (the number of free permits) is guarded by `condition`.
    private let condition = NSCondition()
    private var permits: Int

    public init(permits: Int) {
        precondition(permits >= 0, "a semaphore cannot start with negative permits")
        self.permits = permits
    }

    /// Takes a permit, waiting until one is free.
    public func acquire() {
        condition.lock()
        defer { condition.unlock() }
        // A wake-up is only a hint: another thread may have taken the permit
        // first, so check again every time.
        while permits == 0 {
            condition.wait()
        }
        permits -= 1
    }

    /// Gives a permit back and wakes one waiting thread.
    public func release() {
        condition.withLock { permits += 1 }
        // Signal after unlocking: the woken thread can take the lock at once
        // instead of waking up only to wait for the lock we still hold.
        condition.signal()
    }

    /// Takes a permit if one is free or becomes free within `timeout`
    /// seconds.
    /// - Returns: whether a permit was taken.
    public func tryAcquire(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        condition.lock()
        defer { condition.unlock() }
        if permits == 0 {
            _ = condition.wait(until: deadline)
        }
        guard permits > 0 else { return false }
        permits -= 1
        return true
    }

    /// Runs `body` while holding a permit and returns its result. The
    /// permit is given back even if `body` throws.
    public func withPermit<T>(_ body: () throws -> T) rethrows -> T {
        acquire()
        defer { release() }
        return try body()
    }

    /// Gives a permit back only if fewer than `limit` are free; used by
    /// ``BoundedSemaphore`` so that the check and the release are one step.
    /// - Returns: whether the permit was given back.
    fileprivate func release(upTo limit: Int) -> Bool {
        let released = condition.withLock {
            guard permits < limit else { return false }
            permits += 1
            return true
        }
        if released { condition.signal() }
        return released
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
