import Benchmark
import CostHarness
import Dispatch
import SemaphoreSolution
import Synchronization

/// The two operations every semaphore here offers.
struct SemaphoreOperations: Sendable {
    let wait: @Sendable () -> Void
    let signal: @Sendable () -> Void
}

extension SemaphoreOperations {
    static func reference(permits: Int) -> Self {
        let semaphore = CountingSemaphore(permits: permits)
        return Self(wait: semaphore.acquire, signal: semaphore.release)
    }

    static func bounded(permits: Int) -> Self {
        let semaphore = BoundedSemaphore(permits: permits)
        return Self(wait: semaphore.acquire, signal: { try? semaphore.release() })
    }

    static func dispatch(permits: Int) -> Self {
        let semaphore = DispatchSemaphore(value: permits)
        return Self(wait: { semaphore.wait() }, signal: { semaphore.signal() })
    }
}

/// Round trips between two threads per sample; each is two hand-offs.
let roundTrips = 5_000
/// Permit-holding turns per thread per sample in the bounded-permit test.
let turnsPerThread = 10_000

func semaphoreBenchmarks() {
    let kinds: [(String, (Int) -> SemaphoreOperations)] = [
        ("reference CountingSemaphore", SemaphoreOperations.reference),
        ("reference BoundedSemaphore", SemaphoreOperations.bounded),
        ("DispatchSemaphore", SemaphoreOperations.dispatch),
    ]
    for (name, make) in kinds {
        // A bounded semaphore made with 0 permits refuses every release, so
        // it cannot hand off; it is measured with permits only.
        if name != "reference BoundedSemaphore" {
            // Ping-pong: thread 0 signals `ping` and waits for `pong`; thread 1
            // the other way round. Each hand-off wakes a thread that is waiting.
            Benchmark("semaphore hand-off/\(name)", configuration: settings(samples: 20)) { benchmark in
                let ping = make(0), pong = make(0)
                let elapsed = ThreadTeam.run(threads: 2) { index in
                    for _ in 0..<roundTrips {
                        if index == 0 { ping.signal(); pong.wait() } else { ping.wait(); pong.signal() }
                    }
                }
                benchmark.measurement(operationsPerSecondMetric, operationsPerSecond(2 * roundTrips, in: elapsed))
            }
        }
        // Four threads share two permits, each taking one for a tiny piece of work.
        Benchmark("semaphore 2 permits 4 threads/\(name)", configuration: settings(samples: 20)) { benchmark in
            let permits = make(2)
            let work = Atomic(0)
            let elapsed = ThreadTeam.run(threads: 4) { _ in
                for _ in 0..<turnsPerThread {
                    permits.wait()
                    work.wrappingAdd(1, ordering: .relaxed)
                    permits.signal()
                }
            }
            benchmark.measurement(operationsPerSecondMetric, operationsPerSecond(4 * turnsPerThread, in: elapsed))
        }
    }
}
