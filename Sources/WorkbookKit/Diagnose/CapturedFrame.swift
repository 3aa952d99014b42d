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
