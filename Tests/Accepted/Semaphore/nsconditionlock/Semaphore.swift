// Accepted: an NSConditionLock whose condition says whether any permit is free (1) or none (0), the count kept beside it; every wait has a finite deadline (Foundation on Linux traps on the distant-future one that its plain lock() uses)
import Foundation

/// What a semaphore can report about its misuse.
public enum SemaphoreError: Error, Equatable {
    /// A release would have raised the count above the starting permits.
    case overRelease
}

/// A counting semaphore built on NSConditionLock.
public final class CountingSemaphore: @unchecked Sendable {
    private static let empty = 0, available = 1
    // `permits` is read and written only while holding `state`.
    private let state: NSConditionLock
    private var permits: Int

    public init(permits: Int) {
        precondition(permits >= 0, "a semaphore cannot start with negative permits")
        self.permits = permits
        state = NSConditionLock(condition: permits > 0 ? CountingSemaphore.available : CountingSemaphore.empty)
    }

    private var anHourFromNow: Date { Date(timeIntervalSinceNow: 3600) }

    /// Takes a permit; the caller holds `state` with the condition "available".
    private func takeAndUnlock() {
        permits -= 1
        state.unlock(withCondition: permits > 0 ? CountingSemaphore.available : CountingSemaphore.empty)
    }

    public func acquire() {
        while !state.lock(whenCondition: CountingSemaphore.available, before: anHourFromNow) {}
        takeAndUnlock()
    }

    public func release() {
        while !state.lock(before: anHourFromNow) {}
        permits += 1
        state.unlock(withCondition: CountingSemaphore.available)
    }

    public func tryAcquire(timeout: Double) -> Bool {
        guard state.lock(whenCondition: CountingSemaphore.available, before: Date(timeIntervalSinceNow: timeout)) else { return false }
        takeAndUnlock()
        return true
    }

    public func withPermit<T>(_ body: () throws -> T) rethrows -> T {
        acquire()
        defer { release() }
        return try body()
    }

    fileprivate func release(upTo limit: Int) -> Bool {
        while !state.lock(before: anHourFromNow) {}
        guard permits < limit else {
            state.unlock()
            return false
        }
        permits += 1
        state.unlock(withCondition: CountingSemaphore.available)
        return true
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
