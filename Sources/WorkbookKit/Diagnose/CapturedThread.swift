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

struct CapturedFrame: Codable, Sendable, Equatable {
    var pc: UInt64
    var function: String
    /// The shared library the frame is in; empty for the test binary itself.
    var library: String
    /// For a frame inside `pthread_mutex_lock`: the mutex, and the thread id
    /// glibc keeps in it as its owner (0 when free).
    var mutex: UInt64?
    var owner: Int32?
    /// `/workspace/Sources/LockExercise/Lock.swift:31`, for frames of the test binary.
    var location: String?
}
