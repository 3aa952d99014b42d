// Accepted: pthread_create and pthread_join; each thread writes only its own slot of a buffer, read after the joins.
import Foundation

/// One slot per job, filled by the job's thread. A lock guards `slots`,
/// so any number of threads may call `store` at the same time.
final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: T, at index: Int) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = value
    }

    func values() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// What one pthread needs: its job and the one slot it writes.
private final class JobContext {
    let run: () -> Void
    init(_ run: @escaping () -> Void) { self.run = run }
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    // Each slot is written by one thread only and read after pthread_join,
    // which orders the thread's writes before the read.
    let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: jobs.count)
    slots.initialize(repeating: nil)
    defer { slots.deallocate() }
    var threads: [pthread_t] = []
    for (index, job) in jobs.enumerated() {
        let context = JobContext { slots[index] = job() }
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { raw in
            let context = Unmanaged<JobContext>.fromOpaque(raw!).takeRetainedValue()
            context.run()
            return nil
        }, Unmanaged.passRetained(context).toOpaque())
        precondition(status == 0, "pthread_create failed: \(status)")
        threads.append(thread)
    }
    for thread in threads { pthread_join(thread, nil) }
    let results = slots.compactMap { $0 }
    _ = slots.update(repeating: nil)
    return results
}
