import Foundation

/// Runs programs in their own process group under coreutils `timeout`, which
/// kills the whole group (children included) when the limit passes.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` until it ends or `timeout` seconds
    /// pass, and returns how it ended and what it printed.
    ///
    /// - Parameters:
    ///   - directory: the working directory; the caller's when `nil`.
    ///   - environment: variables added to (or replacing) the caller's environment.
    ///   - outputCap: how many bytes of output are kept.
    ///   - wrapper: a command, with its arguments, that `executable` is run
    ///     through, inside the time limit.
    ///   - whileRunning: called with the process's id every 20 ms while it
    ///     runs; returning `false` kills it and its group, and the run ends
    ///     as ``ProcessOutcome/Ending/stopped``.
    /// - Returns: the outcome; a program that cannot start exits with 127 and
    ///   says why in its output.
    public static func run(
        _ executable: String,
        _ arguments: [String] = [],
        in directory: URL? = nil,
        environment: [String: String] = [:],
        timeout: Double,
        outputCap: Int = 1 << 20,
        wrapper: [String] = [],
        whileRunning: ((pid_t) -> Bool)? = nil
    ) -> ProcessOutcome {
        let outputURL = FileManager.default.temporaryDirectory
            .appending(path: "workbook-\(UUID().uuidString).out")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }

        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/timeout")
        let limit = String(format: "%.2f", timeout)
        // TERM first, KILL two seconds later if anything ignores TERM.
        process.arguments = ["-s", "TERM", "-k", "2", limit] + wrapper + [executable] + arguments
        if let directory { process.currentDirectoryURL = directory }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        let start = Date()
        var stopped = false
        do {
            let handle = try FileHandle(forWritingTo: outputURL)
            defer { try? handle.close() }
            process.standardOutput = handle
            process.standardError = handle
            try withDefaultSignalMask { try process.run() }
            if let whileRunning { stopped = watch(process, whileRunning) }
            process.waitUntilExit()
        } catch {
            return ProcessOutcome(
                ending: .exited(127), output: "cannot start \(executable): \(error)",
                outputWasTruncated: false, seconds: 0)
        }
        let seconds = Date().timeIntervalSince(start)
        let (output, truncated) = readCapped(outputURL, cap: outputCap)
        return ProcessOutcome(
            ending: stopped ? .stopped : ending(of: process, seconds: seconds, limit: timeout),
            output: output, outputWasTruncated: truncated, seconds: seconds)
    }

    /// Calls `keepGoing` with the process's id every 20 ms while it runs;
    /// when it says no, kills the process and its group. - Returns: whether it said no.
    private static func watch(_ process: Process, _ keepGoing: (pid_t) -> Bool) -> Bool {
        while process.isRunning {
            usleep(20_000)
            if process.isRunning && !keepGoing(process.processIdentifier) {
                kill(-process.processIdentifier, SIGKILL)
                kill(process.processIdentifier, SIGKILL)
                return true
            }
        }
        return false
    }

    private static func ending(of process: Process, seconds: Double, limit: Double) -> ProcessOutcome.Ending {
        let status = process.terminationStatus
        if process.terminationReason == .uncaughtSignal {
            // `timeout` itself dies by KILL only when it had to escalate.
            return seconds >= limit ? .timedOut : .signaled(status)
        }
        // 124: timed out and the TERM ended it; 137: escalated to KILL.
        if (status == 124 || status == 137) && seconds >= limit { return .timedOut }
        if status > 128 && status < 128 + 64 { return .signaled(status - 128) }
        return .exited(status)
    }

    static func readCapped(_ url: URL, cap: Int) -> (String, Bool) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return ("", false) }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: cap + 1)) ?? Data()
        let truncated = data.count > cap
        return (String(decoding: data.prefix(cap), as: UTF8.self), truncated)
    }
}

/// Runs `body` (which starts a process) with no signals blocked.
///
/// Foundation's `Process` hands the calling thread's signal mask to the child,
/// and Dispatch and Swift concurrency threads block most signals: a program
/// started from one would ignore the `TERM` that ends it at its time limit.
func withDefaultSignalMask<R>(_ body: () throws -> R) rethrows -> R {
    var empty = sigset_t()
    var previous = sigset_t()
    sigemptyset(&empty)
    pthread_sigmask(SIG_SETMASK, &empty, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    return try body()
}
