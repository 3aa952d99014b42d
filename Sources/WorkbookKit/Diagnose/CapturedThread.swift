/// One thread of a hung test process, as gdb saw it: its frames from the
/// innermost out, each with its function, library and, for frames of the
/// test binary, the source line it is at.
struct CapturedThread: Codable, Sendable, Equatable {
    /// The thread id as the grading machine sees it.
    var tid: Int32
    /// The thread id inside the sandbox's PID namespace (what a mutex
    /// records as its owner), when it differs.
    var innerTid: Int32?
    var name: String
    var frames: [CapturedFrame]
}
