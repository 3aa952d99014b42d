import Foundation

/// The kernel's id of the calling thread (its entry under `/proc/self/task`),
/// or -1 where there is no `/proc`.
public var currentThreadID: Int32 {
    // `/proc/thread-self` links to `<pid>/task/<tid>`, also inside a PID namespace.
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
          let last = target.split(separator: "/").last, let id = Int32(last) else { return -1 }
    return id
}

/// What the kernel says of one thread of this process.
struct ThreadStatus: Equatable {
    /// The state letter: `R` running or ready, `S` asleep (blocked in the kernel), …
    var state: Character
    /// How many times it has gone to sleep so far.
    var sleeps: Int

    init?(threadID: Int32) {
        guard threadID > 0,
              let text = try? String(contentsOfFile: "/proc/self/task/\(threadID)/status", encoding: .utf8) else { return nil }
        var state: Character?
        var sleeps: Int?
        for line in text.split(separator: "\n") {
            if line.hasPrefix("State:") {
                state = line.dropFirst("State:".count).first { !$0.isWhitespace }
            } else if line.hasPrefix("voluntary_ctxt_switches:") {
                sleeps = Int(line.dropFirst("voluntary_ctxt_switches:".count).trimmingCharacters(in: .whitespaces))
            }
        }
        guard let state, let sleeps else { return nil }
        self.state = state
        self.sleeps = sleeps
    }
}

/// Waits until the thread `threadID` of this process is blocked in the
/// kernel (in a lock, a condition, a semaphore or a sleep) and stays so: it
/// is seen asleep twice, a few milliseconds apart, without having woken in
/// between. A thread waiting for a lock another thread holds is asleep this
/// way until the lock is given back; a thread that only passes through a
/// short wait is not.
/// - Parameter stop: checked before each look; waiting ends as soon as it
///   returns `true` (say, once the thread has finished its work).
/// - Returns: whether it was seen blocked within `seconds`; `false` when
///   `stop` ended the wait, when the thread has ended, or when the system
///   cannot tell.
public func isBlocked(threadID: Int32, within seconds: Double, unless stop: () -> Bool = { false }) -> Bool {
    var previous: ThreadStatus?
    var blocked = false
    _ = eventually(within: seconds, pollingEvery: 0.003) {
        if stop() { return true }
        let now = ThreadStatus(threadID: threadID)
        defer { previous = now }
        guard let now, now.state == "S" || now.state == "D" else { return false }
        blocked = previous == now
        return blocked
    }
    return blocked
}
