import Foundation

/// A memory and process-count control group made for one sandboxed run.
///
/// Limits by resident memory, not address space, so it works under
/// ThreadSanitizer (which reserves terabytes it never touches), and it holds
/// every process the run starts, so killing the group ends them all, even
/// those that called `setsid`. Both cgroup v1 (one hierarchy per controller)
/// and v2 (one unified hierarchy) are handled.
struct ControlGroup: Sendable {
    /// The folders of this group, one per controller hierarchy.
    let folders: [URL]
    let unified: Bool

    /// Where control groups can be made here, or `nil`.
    struct Roots: Sendable {
        var memory: URL
        var pids: URL
        var unified: Bool

        /// Finds writable memory and pids hierarchies (as root, usually).
        static func probe() -> Roots? {
            let fm = FileManager.default
            let base = URL(filePath: "/sys/fs/cgroup")
            if fm.fileExists(atPath: base.appending(path: "cgroup.controllers").path) {
                // v2: our own subtree with both controllers enabled for its children.
                let ours = base.appending(path: "workbook")
                try? fm.createDirectory(at: ours, withIntermediateDirectories: true)
                let controllers = (try? String(contentsOf: ours.appending(path: "cgroup.controllers"), encoding: .utf8)) ?? ""
                guard controllers.contains("memory"), controllers.contains("pids"),
                    (try? "+memory +pids".write(
                        to: ours.appending(path: "cgroup.subtree_control"),
                        atomically: false, encoding: .utf8)) != nil
                else { return nil }
                return Roots(memory: ours, pids: ours, unified: true)
            }
            let memory = base.appending(path: "memory/workbook"), pids = base.appending(path: "pids/workbook")
            for folder in [memory, pids] {
                try? fm.createDirectory(at: folder, withIntermediateDirectories: true)
                guard fm.isWritableFile(atPath: folder.path),
                    fm.fileExists(atPath: folder.appending(path: "cgroup.procs").path)
                else { return nil }
            }
            return Roots(memory: memory, pids: pids, unified: false)
        }
    }

    /// Makes a fresh group with these limits.
    static func make(in roots: Roots, memoryBytes: Int, processes: Int) throws -> ControlGroup {
        let name = "run-\(getpid())-\(UUID().uuidString.prefix(8))"
        let folders =
            roots.unified
            ? [roots.memory.appending(path: name)]
            : [roots.memory.appending(path: name), roots.pids.appending(path: name)]
        for folder in folders { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false) }
        let group = ControlGroup(folders: folders, unified: roots.unified)
        if roots.unified {
            try group.write("\(memoryBytes)", to: "memory.max", in: folders[0])
            try? group.write("0", to: "memory.swap.max", in: folders[0])
            try group.write("\(processes)", to: "pids.max", in: folders[0])
        } else {
            try group.write("\(memoryBytes)", to: "memory.limit_in_bytes", in: folders[0])
            // Without this, a memory bomb would spill into swap instead of stopping.
            try? group.write("\(memoryBytes)", to: "memory.memsw.limit_in_bytes", in: folders[0])
            try group.write("\(processes)", to: "pids.max", in: folders[1])
        }
        return group
    }

    /// A shell prefix that moves itself into the group, then runs the rest.
    var joinCommand: [String] {
        let moves = folders.map { "echo $$ > '\($0.path)/cgroup.procs'" }.joined(separator: " && ")
        return ["/bin/sh", "-c", "\(moves) && exec \"$@\"", "sh"]
    }

    /// Whether the kernel had to refuse memory to the group (a memory bomb).
    var ranOutOfMemory: Bool {
        let folder = folders[0]
        if unified {
            let events = (try? String(contentsOf: folder.appending(path: "memory.events"), encoding: .utf8)) ?? ""
            return events.split(separator: "\n").contains { ($0.hasPrefix("oom ") || $0.hasPrefix("oom_kill ")) && !$0.hasSuffix(" 0") }
        }
        // Newer kernels count OOM kills here and may leave failcnt at 0.
        let control = (try? String(contentsOf: folder.appending(path: "memory.oom_control"), encoding: .utf8)) ?? ""
        if control.split(separator: "\n").contains(where: { $0.hasPrefix("oom_kill ") && !$0.hasSuffix(" 0") }) { return true }
        let count = (try? String(contentsOf: folder.appending(path: "memory.failcnt"), encoding: .utf8)) ?? "0"
        return (Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 0
    }

    /// Kills every process in the group, until none is left, then removes it.
    func destroy() {
        for _ in 0..<200 {
            let pids = members()
            if pids.isEmpty { break }
            if unified { try? write("1", to: "cgroup.kill", in: folders[0]) }
            for pid in pids { kill(pid, SIGKILL) }
            usleep(5_000)
        }
        for folder in folders { rmdir(folder.path) }
    }

    private func members() -> [pid_t] {
        folders.flatMap { folder -> [pid_t] in
            let text = (try? String(contentsOf: folder.appending(path: "cgroup.procs"), encoding: .utf8)) ?? ""
            return text.split(separator: "\n").compactMap { pid_t($0) }
        }
    }

    private func write(_ value: String, to file: String, in folder: URL) throws {
        try value.write(to: folder.appending(path: file), atomically: false, encoding: .utf8)
    }
}
