import Synchronization

/// Counts how many threads are inside a region at once and remembers the
/// largest number seen. Call ``enter()`` first thing inside a critical
/// section and ``leave()`` last thing: a lock that excludes properly keeps
/// ``maximum`` at 1, a semaphore with `n` permits keeps it at most `n`.
public final class Occupancy: Sendable {
    private let inside = Atomic<Int>(0)
    private let highest = Atomic<Int>(0)

    public init() {}

    /// Records one more thread inside and returns how many are inside now.
    @discardableResult
    public func enter() -> Int {
        let now = inside.wrappingAdd(1, ordering: .sequentiallyConsistent).newValue
        var seen = highest.load(ordering: .sequentiallyConsistent)
        while now > seen {
            let (exchanged, original) = highest.compareExchange(
                expected: seen, desired: now, ordering: .sequentiallyConsistent)
            if exchanged { break }
            seen = original
        }
        return now
    }

    public func leave() {
        inside.wrappingSubtract(1, ordering: .sequentiallyConsistent)
    }

    /// The number of threads inside right now.
    public var current: Int { inside.load(ordering: .sequentiallyConsistent) }

    /// The most threads that were ever inside at the same time.
    public var maximum: Int { highest.load(ordering: .sequentiallyConsistent) }
}
