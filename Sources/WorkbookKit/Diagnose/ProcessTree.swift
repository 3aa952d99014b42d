import Foundation

/// What `/proc` says about a process tree on this machine.
enum ProcessTree {
    /// The outermost descendant of `root` whose executable is named `name`.
    static func descendant(of root: pid_t, executableNamed name: String) -> pid_t? {
        var children: [pid_t: [pid_t]] = [:]
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let parent = parent(of: pid) else { continue }
            children[parent, default: []].append(pid)
        }
        var queue = [root]
        while !queue.isEmpty {
            let pid = queue.removeFirst()
            if pid != root, executable(of: pid)?.hasSuffix("/" + name) == true { return pid }
            queue += children[pid] ?? []
        }
        return nil
    }

    static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// Whether the process is stopped (by a signal, or traced).
    static func isStopped(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state == "T" || state == "t"
    }

    static func executable(of pid: pid_t) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
    }

    /// A `/proc` file's whole text: such files report no size, and a single
    /// read returns only the first page of a long one (`maps`).
    static func text(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        return (try? handle.readToEnd()).map { String(decoding: $0 ?? Data(), as: UTF8.self) }
    }

    /// The thread's id inside its own PID namespace (`NSpid`'s last field).
    static func innerTid(process: pid_t, thread: Int32) -> Int32? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/task/\(thread)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("NSpid:") })
        else { return nil }
        return line.split(whereSeparator: { $0 == "\t" || $0 == " " }).last.flatMap { Int32($0) }
    }

    /// Where the executable or library whose path ends in `name` (a file
    /// name, or a path as the process sees it) is loaded in `pid`: its
    /// first mapping.
    static func loadBase(of pid: pid_t, executableNamed name: String) -> UInt64? {
        let suffix = name.hasPrefix("/") ? name : "/" + name
        guard let maps = text(of: "/proc/\(pid)/maps"),
            let line = maps.split(separator: "\n").first(where: { $0.hasSuffix(suffix) }),
            let start = line.split(separator: "-").first
        else { return nil }
        return UInt64(start, radix: 16)
    }
}
