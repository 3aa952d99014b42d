import Benchmark
import CostHarness
import Foundation
import LockSolution
import Synchronization

/// Lock and unlock, many times over, with no other thread around.
let uncontendedOperations = 200_000

/// A counter guarded by whichever lock the benchmark measures.
final class GuardedCounter: @unchecked Sendable {
    var value = 0  // guarded by the lock the benchmark passes around it
}

func uncontendedLockBenchmarks() {
    let config = settings(samples: 100)
    func measure(_ name: String, _ body: @escaping (Int) -> Void) {
        Benchmark(name, configuration: config) { benchmark in
            let clock = ContinuousClock()
            let start = clock.now
            body(uncontendedOperations)
            benchmark.measurement(operationsPerSecondMetric, operationsPerSecond(uncontendedOperations, in: clock.now - start))
        }
    }

    // `Mutex` has no separate lock() and unlock(): its lock+unlock is withLock with an empty body.
    let lock = Lock(), mutex = Mutex(0), nsLock = NSLock(), pthread = PThreadMutex()
    measure("uncontended lock+unlock/reference Lock") { n in for _ in 0..<n { lock.lock(); try? lock.unlock() } }
    let threadObjectLock = ThreadObjectLock()
    measure("uncontended lock+unlock/Lock with Thread.current owner") { n in
        for _ in 0..<n { threadObjectLock.lock(); threadObjectLock.unlock() }
    }
    measure("uncontended lock+unlock/Mutex") { n in for _ in 0..<n { mutex.withLock { _ in } } }
    measure("uncontended lock+unlock/NSLock") { n in for _ in 0..<n { nsLock.lock(); nsLock.unlock() } }
    measure("uncontended lock+unlock/pthread_mutex_t") { n in for _ in 0..<n { pthread.lock(); pthread.unlock() } }

    let counter = GuardedCounter()
    measure("uncontended withLock/reference Lock") { n in for _ in 0..<n { lock.withLock { counter.value &+= 1 } } }
    measure("uncontended withLock/Mutex") { n in for _ in 0..<n { mutex.withLock { $0 &+= 1 } } }
    measure("uncontended withLock/NSLock") { n in for _ in 0..<n { nsLock.withLock { counter.value &+= 1 } } }
    measure("uncontended withLock/pthread_mutex_t") { n in for _ in 0..<n { pthread.withLock { counter.value &+= 1 } } }
    blackHole(counter.value)
}

/// Each thread increments one shared counter this many times under the lock:
/// enough that the threads overlap for most of the sample.
let contendedOperationsPerThread = 100_000

func contendedLockBenchmarks() {
    let config = settings(samples: 40)
    for threads in [2, 4] {
        func measure(_ implementation: String, _ increment: @escaping @Sendable () -> Void) {
            Benchmark("contended \(threads) threads/\(implementation)", configuration: config) { benchmark in
                let elapsed = ThreadTeam.run(threads: threads) { _ in
                    for _ in 0..<contendedOperationsPerThread { increment() }
                }
                benchmark.measurement(operationsPerSecondMetric, operationsPerSecond(threads * contendedOperationsPerThread, in: elapsed))
            }
        }
        let counter = GuardedCounter()
        let lock = Lock(), mutex = Mutex(0), nsLock = NSLock(), pthread = PThreadMutex()
        measure("reference Lock") { lock.withLock { counter.value &+= 1 } }
        measure("Mutex") { mutex.withLock { $0 &+= 1 } }
        measure("NSLock") { nsLock.withLock { counter.value &+= 1 } }
        measure("pthread_mutex_t") { pthread.withLock { counter.value &+= 1 } }
    }
}
