import Foundation

/// The outcome of running a program with a wall-clock limit.
public struct ProcessOutcome: Sendable {
    /// How the program ended: exited, killed by a signal, stopped at the time
    /// limit or by the caller.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        /// Killed by a signal (not by the time limit).
        case signaled(Int32)
        /// Still running at the limit; its whole process group was killed.
        case timedOut
        /// Ended by the caller's `whileRunning` hook.
        case stopped
    }

    /// How the program ended.
    public var ending: Ending
    /// Standard output and standard error, interleaved as written, cut at the cap.
    public var output: String
    /// Whether the output was longer than the cap and was cut.
    public var outputWasTruncated: Bool
    /// Wall-clock seconds the program ran (0 when it could not start).
    public var seconds: Double

    /// The status a shell would report: signals as 128 + number.
    public var shellStatus: Int32? {
        switch ending {
        case .exited(let status): return status
        case .signaled(let signal): return 128 + signal
        case .timedOut, .stopped: return nil
        }
    }
}
