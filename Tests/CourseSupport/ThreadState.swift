import Foundation

/// The kernel's id of the calling thread (its entry under `/proc/self/task`),
/// or -1 where there is no `/proc`.
public var currentThreadID: Int32 {
    // `/proc/thread-self` links to `<pid>/task/<tid>`, also inside a PID namespace.
    guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self"),
        let last = target.split(separator: "/").last, let id = Int32(last)
    else { return -1 }
    return id
}

/// Whether the thread `threadID` of this process is asleep in the kernel
/// (`S`, or `D` for an uninterruptible wait), read from `/proc`; `nil` when
/// the thread has ended or the system cannot tell.
func isAsleep(threadID: Int32) -> Bool? {
    guard threadID > 0,
        let text = try? String(contentsOfFile: "/proc/self/task/\(threadID)/stat", encoding: .utf8),
        let close = text.lastIndex(of: ")")
    else { return nil }
    // The state letter follows the command name, which is in parentheses.
    guard let state = text[text.index(after: close)...].first(where: { !$0.isWhitespace }) else { return nil }
    return state == "S" || state == "D"
}

/// Waits until the thread `threadID` of this process is blocked in the
/// kernel (in a lock, a condition, a semaphore or a sleep): seen asleep at
/// three looks in a row, a couple of milliseconds apart. A thread waiting
/// for a lock another thread holds stays asleep until the lock is given
/// back, and one that backs off with short sleeps is asleep nearly all the
/// time; a thread that only passes through a short wait is not seen so.
/// - Parameter stop: checked before each look; waiting ends as soon as it
///   returns `true` (say, once the thread has finished its work).
/// - Returns: whether it was seen blocked within `seconds`; `false` when
///   `stop` ended the wait, when the thread has ended, or when the system
///   cannot tell.
public func isBlocked(threadID: Int32, within seconds: Double, unless stop: () -> Bool = { false }) -> Bool {
    var asleepInARow = 0
    _ = eventually(within: seconds, pollingEvery: 0.002) {
        if stop() { return true }
        asleepInARow = isAsleep(threadID: threadID) == true ? asleepInARow + 1 : 0
        return asleepInARow >= 3
    }
    return asleepInARow >= 3
}
