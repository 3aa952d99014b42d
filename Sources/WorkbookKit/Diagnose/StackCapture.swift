import Foundation

/// Captures the stacks of every thread of a hung test process with gdb,
/// before the watchdog kills it, within a time limit and a size cap.
///
/// gdb attaches from outside the sandbox (as root it may trace a process in
/// other namespaces), runs a small Python script that walks every thread's
/// frames and, in `pthread_mutex_lock`, reads the owner glibc keeps in the
/// mutex; frames of the test binary are then given their source lines with
/// the toolchain's `llvm-symbolizer`. Any failure gives no capture; it
/// never changes a verdict.
enum StackCapture {
    static let gdb = "/usr/bin/gdb"
    static let secondsLimit = 20.0
    static let outputCap = 512 << 10

    /// Whether captures can be made here (gdb installed).
    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: gdb) }

    /// The threads of the test process started (through the sandbox) by
    /// `root`, whose executable is named `binaryName`; `binary` is its path
    /// on the host, for the symbolizer, and `libraries` say where folders of
    /// libraries the process loads (a subject swapped in for the stub) are
    /// on the host, so that their frames get lines too.
    static func capture(
        under root: pid_t, binaryName: String, binary: URL,
        libraries: [(inside: String, host: URL)] = []
    ) -> [CapturedThread]? {
        guard isAvailable, let pid = ProcessTree.descendant(of: root, executableNamed: binaryName) else { return nil }
        let script = FileManager.default.temporaryDirectory.appending(path: "workbook-stacks-\(UUID().uuidString).py")
        guard (try? Self.script.write(to: script, atomically: true, encoding: .utf8)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: script) }
        let outcome = ProcessRunner.run(
            gdb,
            [
                "-p", "\(pid)", "-batch", "-nx", "-ex", "set debuginfod enabled off",
                // Libraries as the process sees them (a subject bound into its sandbox).
                "-iex", "set sysroot /proc/\(pid)/root", "-x", script.path,
            ],
            timeout: secondsLimit, outputCap: outputCap)
        guard let line = outcome.output.split(separator: "\n").first(where: { $0.hasPrefix(marker) }),
            var threads = try? JSONDecoder().decode([CapturedThread].self, from: Data(line.dropFirst(marker.count).utf8))
        else { return nil }
        for index in threads.indices { threads[index].innerTid = ProcessTree.innerTid(process: pid, thread: threads[index].tid) }
        symbolize(&threads, in: { $0.isEmpty }, object: binary, base: ProcessTree.loadBase(of: pid, executableNamed: binaryName))
        // gdb names libraries through the process's own root (the sysroot).
        let sysroot = "/proc/\(pid)/root"
        for library in Set(threads.flatMap { $0.frames.map(\.library) }) {
            let seen = library.hasPrefix(sysroot) ? String(library.dropFirst(sysroot.count)) : library
            guard let (inside, host) = libraries.first(where: { seen.hasPrefix($0.inside + "/") }) else { continue }
            let object = host.appending(path: String(seen.dropFirst(inside.count + 1)))
            symbolize(&threads, in: { $0 == library }, object: object, base: ProcessTree.loadBase(of: pid, executableNamed: seen))
        }
        return threads
    }

    /// Gives the frames of one object (the test binary, or a library it
    /// loaded) their `file:line`, in one symbolizer run.
    private static func symbolize(_ threads: inout [CapturedThread], in isObject: (String) -> Bool, object: URL, base: UInt64?) {
        guard let base else { return }
        var addresses: [UInt64] = []
        for thread in threads {
            for frame in thread.frames where isObject(frame.library) && frame.pc > base { addresses.append(frame.pc - base - 1) }
        }
        guard !addresses.isEmpty else { return }
        let outcome = ProcessRunner.run(
            Toolchain.symbolizer, ["--output-style=JSON", "--obj=\(object.path)"] + Set(addresses).map { "0x" + String($0, radix: 16) },
            timeout: 20, outputCap: 8 << 20)
        struct Entry: Decodable {
            struct Symbol: Decodable { var FileName: String; var Line: Int }
            var Address: String
            var Symbol: [Symbol]
        }
        guard let entries = try? JSONDecoder().decode([Entry].self, from: Data(outcome.output.utf8)) else { return }
        var lines: [UInt64: String] = [:]
        for entry in entries {
            // With inlining, the last symbol is the function the code was written in.
            guard let address = UInt64(entry.Address.dropFirst(2), radix: 16), let symbol = entry.Symbol.last, symbol.Line > 0 else {
                continue
            }
            lines[address] = "\(symbol.FileName):\(symbol.Line)"
        }
        for t in threads.indices {
            for f in threads[t].frames.indices where isObject(threads[t].frames[f].library) && threads[t].frames[f].pc > base {
                threads[t].frames[f].location = lines[threads[t].frames[f].pc - base - 1]
            }
        }
    }

    static let marker = "WORKBOOK-STACKS "

    /// Walks every thread's frames (at most 64 each) and prints them as JSON.
    static let script = """
        import gdb, json
        threads = []
        for inferior in gdb.inferiors():
            for thread in inferior.threads():
                thread.switch()
                frames = []
                frame = gdb.newest_frame()
                while frame is not None and len(frames) < 64:
                    name = frame.name() or ""
                    entry = {"pc": int(frame.pc()), "function": name, "library": gdb.solib_name(frame.pc()) or ""}
                    if name.endswith("pthread_mutex_lock"):
                        try:
                            mutex = int(frame.read_var("mutex"))
                            entry["mutex"] = mutex
                            entry["owner"] = int(gdb.parse_and_eval("((int *) %d)[2]" % mutex))
                        except Exception:
                            pass
                    frames.append(entry)
                    try:
                        frame = frame.older()
                    except Exception:
                        frame = None
                threads.append({"tid": thread.ptid[1], "name": thread.name or "", "frames": frames})
        print("\(marker)" + json.dumps(threads))

        """
}
