import Foundation

/// The processes this program started, found in `/proc` (Linux).
public enum ChildProcesses {
    /// The IDs of this process's direct children.
    public static func ids(of parent: pid_t = getpid()) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // `pid (name) state ppid …`; the name may hold spaces, so read after the last `)`.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, let parentID = pid_t(fields[1]), parentID == parent else { return nil }
            return pid
        }
    }

    /// Sends `TERM` to each child's process group (the grader starts every
    /// build and test run under `timeout`, which leads its own group), so an
    /// interrupted `watch` leaves no build or test running behind it.
    public static func terminateAll() {
        for pid in ids() {
            if getpgid(pid) == pid { kill(-pid, SIGTERM) }
            kill(pid, SIGTERM)
        }
    }
}
