import Foundation

// glibc declares sched_setaffinity and sched_getcpu only under _GNU_SOURCE,
// so Swift does not import them; they are looked up by name instead.
private typealias SetAffinity = @convention(c) (pid_t, Int, UnsafeRawPointer) -> Int32
private typealias GetCPU = @convention(c) () -> Int32

private let setAffinity: SetAffinity? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_setaffinity")
    .map { unsafeBitCast($0, to: SetAffinity.self) }
private let getCPU: GetCPU? = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "sched_getcpu")
    .map { unsafeBitCast($0, to: GetCPU.self) }

/// Keeps the calling thread on one processor core from now on.
/// - Returns: whether the system accepted it.
@discardableResult
public func pinCurrentThread(toCore core: Int32) -> Bool {
    guard let setAffinity, core >= 0 else { return false }
    var set = cpu_set_t()
    withUnsafeMutableBytes(of: &set) { bytes in
        bytes.storeBytes(of: UInt64(1) << UInt64(core % 64), toByteOffset: Int(core / 64) * 8, as: UInt64.self)
    }
    return withUnsafeBytes(of: &set) { setAffinity(0, $0.count, $0.baseAddress!) } == 0
}

/// The core the calling thread runs on right now, or -1 if unknown.
public var currentCore: Int32 { getCPU?() ?? -1 }

/// Makes the calling thread a batch thread (`SCHED_BATCH`): it gets its
/// share of the processor as before, but waking up no longer lets it take
/// the core from the thread running there; it waits for that thread to
/// block, sleep or use up its time slice.
/// - Returns: whether the system accepted it.
@discardableResult
public func makeCurrentThreadBatch() -> Bool {
    var parameters = sched_param()
    parameters.sched_priority = 0
    let batch: Int32 = 3  // SCHED_BATCH, declared only under _GNU_SOURCE
    return pthread_setschedparam(pthread_self(), batch, &parameters) == 0
}

/// Makes the calling thread an idle thread (`SCHED_IDLE`): it runs only
/// when its core has nothing else to run, and a thread of normal priority
/// that wakes up on that core takes the core from it. A test uses it to let
/// a woken thread run before the one that woke it goes on. Lowering one's
/// own priority needs no privilege; getting it back does, so use it on
/// threads that end soon after.
/// - Returns: whether the system accepted it.
@discardableResult
public func makeCurrentThreadIdle() -> Bool {
    var parameters = sched_param()
    parameters.sched_priority = 0
    let idle: Int32 = 5  // SCHED_IDLE, declared only under _GNU_SOURCE
    return pthread_setschedparam(pthread_self(), idle, &parameters) == 0
}
