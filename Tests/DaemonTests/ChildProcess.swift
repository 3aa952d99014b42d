import CourseSupport
import Foundation

/// Runs scenario tests of this test binary in a child process, so that a
/// test can observe what a real process exit does.
///
/// The child is the test binary itself (`CommandLine.arguments[0]`, the
/// xctest executable both under `swift test` and when run directly), told by
/// `--filter` to run one scenario test and by an environment variable which
/// scenario that is. Scenario tests are skipped unless the variable is set.
enum ChildProcess {
    static let scenarioVariable = "DAEMON_EXERCISE_SCENARIO"

    /// The line a scenario prints (and flushes) when it reaches the end of
    /// its "program", just before it calls `exit(status:)`.
    static let endOfProgram = "scenario: end of program"

    /// What a child run produced.
    struct Outcome {
        /// The exit status, or `nil` if the child had to be killed.
        var status: Int32?
        /// Everything the child wrote to stdout and stderr.
        var output: String
        /// Seconds from the end-of-program line to the process's exit.
        var secondsFromEndToExit: Double?
        /// Why the child was killed, if it was.
        var killedBecause: String?

        /// Whether the scenario got as far as its end-of-program line.
        var reachedEndOfProgram: Bool { output.contains(ChildProcess.endOfProgram) }
    }

    /// Whether this process is a child running `scenario`.
    static func isRunning(_ scenario: String) -> Bool {
        ProcessInfo.processInfo.environment[scenarioVariable] == scenario
    }

    /// Prints the end-of-program line and flushes it, so the parent sees it
    /// at once even though stdout is a file.
    static func announceEndOfProgram() {
        print(endOfProgram)
        fflush(nil)  // every C stream, stdout among them
    }

    /// Runs the scenario test whose function name is `testName` and waits,
    /// with deadlines, for the child to exit.
    ///
    /// - Parameters:
    ///   - startLimit: seconds the child may take to reach its end of program.
    ///   - exitLimit: seconds the child may take to exit after that.
    static func run(
        scenario: String, testName: String,
        startLimit: Double = 2 * promptly, exitLimit: Double = promptly
    ) throws -> Outcome {
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("daemon-scenario-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        defer { try? outputHandle.close() }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = [
            "--testing-library", "swift-testing",
            "--filter", "DaemonScenarios/\(testName)\\(",
        ]
        var environment = ProcessInfo.processInfo.environment
        environment[scenarioVariable] = scenario
        process.environment = environment
        process.standardOutput = outputHandle
        process.standardError = outputHandle
        try process.run()

        let started = Date()
        var endSeen: Date?
        var killedBecause: String?
        while process.isRunning {
            let now = Date()
            if endSeen == nil,
                let text = try? String(contentsOf: outputURL, encoding: .utf8),
                text.contains(endOfProgram)
            {
                endSeen = now
            }
            if let end = endSeen, now.timeIntervalSince(end) > exitLimit {
                killedBecause = "still running \(exitLimit) s after the end of the program"
            } else if endSeen == nil, now.timeIntervalSince(started) > startLimit {
                killedBecause = "did not reach the end of the program within \(startLimit) s"
            }
            if killedBecause != nil {
                kill(process.processIdentifier, SIGKILL)
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        let exited = Date()
        let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        if endSeen == nil, output.contains(endOfProgram) { endSeen = exited }
        return Outcome(
            status: killedBecause == nil && process.terminationReason == .exit
                ? process.terminationStatus : nil,
            output: output,
            secondsFromEndToExit: endSeen.map { exited.timeIntervalSince($0) },
            killedBecause: killedBecause)
    }
}
