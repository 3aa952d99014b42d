import Foundation
import Testing
@testable import WorkbookKit

/// A child inherits the signal mask of the thread that starts it. Swift
/// Testing runs tests on libdispatch workers, which block most signals, so
/// these tests start programs from a dedicated thread with a chosen mask.
@Suite struct ProcessRunnerTests {
    /// The asynchronous signals a libdispatch worker thread blocks.
    static let workerSignals = [SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGUSR1, SIGUSR2, SIGALRM, SIGTERM, SIGCHLD]

    @Test("a program's exit status and output (stdout and stderr together) are reported", arguments: [0, 3, 124, 255])
    func exitStatus(status: Int32) throws {
        let outcome = try shell("echo out; echo err >&2; exit \(status)")
        #expect(outcome.ending == .exited(status))
        #expect(outcome.shellStatus == status)
        #expect(outcome.output == "out\nerr\n")
        #expect(!outcome.outputWasTruncated)
    }

    @Test(
        "a program killed by a signal is reported as that signal, 128 + number for the shell",
        arguments: [("SEGV", SIGSEGV), ("ABRT", SIGABRT), ("KILL", SIGKILL), ("TERM", SIGTERM)])
    func signal(name: String, number: Int32) throws {
        let outcome = try shell("kill -\(name) $$; echo survived")
        #expect(outcome.ending == .signaled(number))
        #expect(outcome.shellStatus == 128 + number)
        #expect(outcome.output == "")
        #expect(outcome.seconds < 5)
    }

    @Test(
        "a program still running at the limit is killed at the limit and reported as timed out",
        arguments: ["sleep 30", "sleep 30 & wait"])
    func timeout(script: String) throws {
        let outcome = try shell(script, timeout: 0.5)
        #expect(outcome.ending == .timedOut)
        #expect(outcome.shellStatus == nil)
        #expect(outcome.seconds >= 0.5)
        #expect(outcome.seconds < 2, "took \(outcome.seconds) s")
    }

    @Test("a program that ignores TERM is killed two seconds after the limit")
    func timeoutIgnoringTerm() throws {
        let outcome = try shell("trap '' TERM; sleep 30", timeout: 0.5)
        #expect(outcome.ending == .timedOut)
        #expect(outcome.seconds >= 2.5)
        #expect(outcome.seconds < 5, "took \(outcome.seconds) s")
    }

    @Test("at the time limit the child's own children are killed too")
    func grandchildKilled() throws {
        let outcome = try shell("sleep 30 & echo $!; wait", timeout: 0.5)
        #expect(outcome.ending == .timedOut)
        let pid = try #require(Int32(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Bounded wait: the kill is asynchronous; a zombie awaiting its reaper counts as dead.
        let deadline = Date().addingTimeInterval(5)
        while isRunning(pid) && Date() < deadline { usleep(20_000) }
        #expect(!isRunning(pid), "sleep (pid \(pid)) survived the time-out")
    }

    @Test("output beyond the cap is cut off and marked as truncated")
    func outputCap() throws {
        let outcome = try shell("i=0; while [ $i -lt 200 ]; do echo 0123456789; i=$((i+1)); done", outputCap: 100)
        #expect(outcome.ending == .exited(0))
        #expect(outcome.outputWasTruncated)
        #expect(outcome.output.utf8.count == 100)
        #expect(outcome.output.hasPrefix("0123456789\n0123456789\n"))
    }

    @Test("output exactly at the cap is not truncated")
    func outputAtCap() throws {
        let outcome = try shell("printf 0123456789", outputCap: 10)
        #expect(outcome.output == "0123456789")
        #expect(!outcome.outputWasTruncated)
    }

    @Test("a program that cannot be started is reported, not crashed on")
    func missingExecutable() {
        let outcome = ProcessRunner.run("/nonexistent/program", timeout: 5)
        #expect(outcome.ending == .exited(127))
    }

    @Test("the working directory and extra environment are passed to the program")
    func directoryAndEnvironment() throws {
        let folder = try TemporaryFolder()
        let outcome = ProcessRunner.run(
            "/bin/sh", ["-c", "pwd; echo $WORKBOOK_TEST_VALUE"], in: folder.url,
            environment: ["WORKBOOK_TEST_VALUE": "hello there"], timeout: 10)
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first.map { URL(filePath: $0).resolvingSymlinksInPath() } == folder.url.resolvingSymlinksInPath())
        #expect(lines.last == "hello there")
    }

    @Test("a program started from a thread that blocks signals still starts with none blocked")
    func signalMaskNotInherited() throws {
        let blocked = try run("/bin/grep", ["SigBlk", "/proc/self/status"], blocking: Self.workerSignals)
        let abort = try shell("kill -ABRT $$; echo survived", blocking: Self.workerSignals)
        let hang = try run("/bin/sleep", ["30"], timeout: 0.5, blocking: Self.workerSignals)
        #expect(blocked.output == "SigBlk:\t0000000000000000\n", "\(blocked.output)")
        #expect(abort.ending == .signaled(SIGABRT), "output: \(abort.output)")
        #expect(hang.seconds < 2, "took \(hang.seconds) s")
    }

    /// Runs `sh -c script` from a dedicated thread that blocks `signals` (none by default).
    private func shell(
        _ script: String, timeout: Double = 10, outputCap: Int = 1 << 20, blocking signals: [Int32] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ProcessOutcome {
        try run(
            "/bin/sh", ["-c", script], timeout: timeout, outputCap: outputCap, blocking: signals,
            sourceLocation: sourceLocation)
    }

    /// Runs a program from a dedicated thread that blocks `signals` (none by default).
    private func run(
        _ executable: String, _ arguments: [String], timeout: Double = 10, outputCap: Int = 1 << 20,
        blocking signals: [Int32] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ProcessOutcome {
        let result = Shared<ProcessOutcome?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            var mask = sigset_t()
            sigemptyset(&mask)
            for signal in signals { sigaddset(&mask, signal) }
            pthread_sigmask(SIG_SETMASK, &mask, nil)
            let outcome = ProcessRunner.run(executable, arguments, timeout: timeout, outputCap: outputCap)
            result.update { $0 = outcome }
            finished.signal()
        }
        thread.start()
        let joined = finished.wait(timeout: .now() + timeout + 30)
        try #require(joined == .success, "the runner did not return within \(timeout + 30) s", sourceLocation: sourceLocation)
        return try #require(result.value, sourceLocation: sourceLocation)
    }

    /// Whether `pid` is a live (not zombie) process.
    private func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        // The state follows the command name in parentheses: `123 (sleep) S …`.
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).prefix(1)
        return state != "Z" && state != "X"
    }
}
