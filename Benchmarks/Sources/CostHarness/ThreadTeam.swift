import Dispatch
import Foundation

/// Runs the same work on several dedicated threads that start together, and
/// times it from the moment they are released until the last one finishes.
///
/// Thread creation happens before the clock starts: the figure is the cost
/// of the work under contention, not of spawning threads.
public enum ThreadTeam {
    /// - Parameters:
    ///   - threads: how many threads run `work`.
    ///   - work: called once on each thread with its index (0 ..< threads).
    /// - Returns: the wall-clock time from release to the last thread's end.
    public static func run(threads: Int, _ work: @escaping @Sendable (Int) -> Void) -> Duration {
        let ready = DispatchSemaphore(value: 0)
        let go = DispatchSemaphore(value: 0)
        let done = DispatchGroup()
        for index in 0..<threads {
            done.enter()
            Thread {
                ready.signal()
                go.wait()
                work(index)
                done.leave()
            }.start()
        }
        for _ in 0..<threads { ready.wait() }
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<threads { go.signal() }
        done.wait()
        return clock.now - start
    }
}

extension Duration {
    /// This duration in seconds, as a `Double`.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }
}

/// Operations per second, for `operations` done in `duration`.
public func operationsPerSecond(_ operations: Int, in duration: Duration) -> Int {
    Int((Double(operations) / max(duration.seconds, 1e-9)).rounded())
}
