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
              let close = stat.lastIndex(of: ")") else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    static func executable(of pid: pid_t) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/exe")
    }

    /// The thread's id inside its own PID namespace (`NSpid`'s last field).
    static func innerTid(process: pid_t, thread: Int32) -> Int32? {
        guard let status = try? String(contentsOfFile: "/proc/\(process)/task/\(thread)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("NSpid:") }) else { return nil }
        return line.split(whereSeparator: { $0 == "\t" || $0 == " " }).last.flatMap { Int32($0) }
    }

    /// Where the executable named `name` is loaded in `pid` (its first mapping).
    static func loadBase(of pid: pid_t, executableNamed name: String) -> UInt64? {
        guard let maps = try? String(contentsOfFile: "/proc/\(pid)/maps", encoding: .utf8),
              let line = maps.split(separator: "\n").first(where: { $0.hasSuffix("/" + name) }),
              let start = line.split(separator: "-").first else { return nil }
        return UInt64(start, radix: 16)
    }
}
