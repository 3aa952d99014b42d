// Accepted: the count lives in a Synchronization.Mutex; acquire and tryAcquire poll it, sleeping a little between looks, instead of waiting on a condition
import Foundation
import Synchronization

/// What a semaphore can report about its misuse.
public enum SemaphoreError: Error, Equatable {
    /// A release would have raised the count above the starting permits.
    case overRelease
}

/// A counting semaphore that polls a Mutex-guarded count.
public final class CountingSemaphore: Sendable {
    private let permits: Mutex<Int>

    public init(permits: Int) {
        precondition(permits >= 0, "a semaphore cannot start with negative permits")
        self.permits = Mutex(permits)
    }

    private func take() -> Bool {
        permits.withLock { permits in
            guard permits > 0 else { return false }
            permits -= 1
            return true
        }
    }

    public func acquire() {
        while !take() { usleep(100) }
    }

    public func release() {
        permits.withLock { $0 += 1 }
    }

    public func tryAcquire(timeout: Double) -> Bool {
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !take() {
            guard Date() < deadline else { return false }
            usleep(100)
        }
        return true
    }

    public func withPermit<T>(_ body: () throws -> T) rethrows -> T {
        acquire()
        defer { release() }
        return try body()
    }

    fileprivate func release(upTo limit: Int) -> Bool {
        permits.withLock { permits in
            guard permits < limit else { return false }
            permits += 1
            return true
        }
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
