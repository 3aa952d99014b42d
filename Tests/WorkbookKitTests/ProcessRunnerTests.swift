import Foundation
import Testing
@testable import WorkbookKit

@Suite struct ProcessRunnerTests {
    private func shell(_ script: String, timeout: Double = 10, outputCap: Int = 1 << 20) -> ProcessOutcome {
        ProcessRunner.run("/bin/sh", ["-c", script], timeout: timeout, outputCap: outputCap)
    }

    @Test("a program's exit status and output (stdout and stderr together) are reported", arguments: [0, 3, 124, 255])
    func exitStatus(status: Int32) {
        let outcome = shell("echo out; echo err >&2; exit \(status)")
        #expect(outcome.ending == .exited(status))
        #expect(outcome.shellStatus == status)
        #expect(outcome.output == "out\nerr\n")
        #expect(!outcome.outputWasTruncated)
    }

    @Test("a program killed by a signal is reported as that signal, 128 + number for the shell",
          arguments: [("SEGV", 11), ("ABRT", 6), ("KILL", 9)])
    func signal(name: String, number: Int32) {
        let outcome = shell("kill -\(name) $$")
        #expect(outcome.ending == .signaled(number))
        #expect(outcome.shellStatus == 128 + number)
        #expect(outcome.seconds < 5)
    }

    @Test("a program still running at the limit is killed quickly and reported as timed out",
          arguments: ["sleep 30", "sleep 30 & wait", "trap '' TERM; sleep 30"])
    func timeout(script: String) {
        let outcome = shell(script, timeout: 0.5)
        #expect(outcome.ending == .timedOut)
        #expect(outcome.shellStatus == nil)
        #expect(outcome.seconds >= 0.5)
        #expect(outcome.seconds < 5, "took \(outcome.seconds) s")
    }

    @Test("at the time limit the child's own children are killed too")
    func grandchildKilled() throws {
        let outcome = shell("sleep 30 & echo $!; wait", timeout: 0.5)
        #expect(outcome.ending == .timedOut)
        let pid = try #require(Int32(outcome.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        // Bounded wait: the kill is asynchronous; a zombie awaiting its reaper counts as dead.
        let deadline = Date().addingTimeInterval(5)
        while isRunning(pid) && Date() < deadline { usleep(20_000) }
        #expect(!isRunning(pid), "sleep (pid \(pid)) survived the time-out")
    }

    @Test("output beyond the cap is cut off and marked as truncated")
    func outputCap() {
        let outcome = shell("i=0; while [ $i -lt 200 ]; do echo 0123456789; i=$((i+1)); done", outputCap: 100)
        #expect(outcome.ending == .exited(0))
        #expect(outcome.outputWasTruncated)
        #expect(outcome.output.utf8.count == 100)
        #expect(outcome.output.hasPrefix("0123456789\n0123456789\n"))
    }

    @Test("output exactly at the cap is not truncated")
    func outputAtCap() {
        let outcome = shell("printf 0123456789", outputCap: 10)
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
        let outcome = ProcessRunner.run("/bin/sh", ["-c", "pwd; echo $WORKBOOK_TEST_VALUE"], in: folder.url,
                                        environment: ["WORKBOOK_TEST_VALUE": "hello there"], timeout: 10)
        let lines = outcome.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first.map { URL(filePath: $0).resolvingSymlinksInPath() } == folder.url.resolvingSymlinksInPath())
        #expect(lines.last == "hello there")
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
