/// How a program block must end.
public struct RunExpectation: Sendable, Equatable {
    /// How the program must end: with an exit status, or still running at its time limit.
    public enum Ending: Sendable, Equatable {
        case exit(Int32)
        /// Still running at the time limit (a deadlock shown on purpose).
        case hang
    }

    /// How the program must end: exit status 0 unless the block says `exit=` or `hangs`.
    public var ending: Ending = .exit(0)
    /// Whether the program is compiled and run under ThreadSanitizer (`tsan`).
    public var threadSanitizer = false
    /// Seconds the program may run before it is killed (`timeout=`).
    public var timeout: Double = 10

    /// The time limit, in seconds, of a block marked `hangs` that gives no `timeout=`.
    public static let defaultHangTimeout: Double = 2
}
