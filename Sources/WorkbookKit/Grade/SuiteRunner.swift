import Foundation

/// Runs a compiled test binary, sandboxed, for a list of tests and judges
/// each one from the event stream, isolating crashes and hangs to the test
/// they happen in.
///
/// The first run is optimistic: every test in one process, in parallel
/// where the suite allows (Swift Testing's own parallelism; `.serialized`
/// suites keep their order). Only its passes count, and only if it went on
/// normally: the run ended, the stream was coherent, and the process exited
/// the way the stream says, with no test past half its limit. With tests
/// side by side, a failure, a hang or a crash cannot be pinned on one of
/// them (a test starved of a thread by a hung one looks hung too), so every
/// other test runs again one at a time, as follows; those that failed side
/// by side go first, alone, so code known to be wrong stops early.
///
/// Each test has `perTestLimit` seconds from its start: past that, the
/// sandbox is torn down and the test is `timed out`, even if the stream
/// claims it ended. A test that started and never ended in a process that
/// died `crashed`. A pass counts only from a run that went on normally; a
/// failure from any run. Tests without a trusted verdict run again in a
/// fresh process, and a process that died between tests blames the test
/// that ended last.
struct SuiteRunner {
    /// The grading workspace on the host; runs see it read-only as `/workspace`.
    let workspace: URL
    /// The test binary, relative to the workspace.
    let binary: String
    let testIDs: [String]
    let perTestLimit: Double
    let sandbox: Sandbox
    let user: UInt32
    var limits = ResourceLimits.tests
    var sanitizerLane = false
    /// Set for the shaken-schedule lane: the library preloaded into every
    /// test process, and its seed.
    var shaker: ShakenSchedule.Preload?
    /// A folder holding a subject's library that replaces the stub's in
    /// the binary (``SuiteEngine``), seen read-only.
    var library: URL?
    /// When the submission's time budget runs out: no test starts after it,
    /// a run still going is stopped, and the tests without a verdict are
    /// `not run`.
    var deadline: Date?
    /// Whether a test that finds threads stuck gets an account of where each
    /// thread waits (a capture of a few seconds, once per suite): for the
    /// normal lane of a started exercise, not for a stub graded for feedback.
    var explainsStuckThreads = false
    /// For code known to be wrong (the check's mutants): the run stops as
    /// soon as one test has failed by its own assertion, which is enough to
    /// show the bug was caught; the rest are `not run`. A time-out in the
    /// optimistic parallel run is not such a failure: it is tried alone.
    var stopAtFirstFailure = false

    static let insideWorkspace = "/workspace"
    static let insideRun = "/run/workbook"
    /// The most event data one run may write (a flood is an anomaly).
    static let streamCap = 32 << 20

    /// What one suite's runs found.
    struct Outcome {
        var results: [String: TestResult] = [:]
        /// Stream anomalies and other signs of tampering, for the report.
        var anomalies: [String] = []
    }

    func run() -> Outcome {
        var outcome = Outcome()
        var remaining = testIDs
        var mayCapture = StackCapture.isAvailable  // once per suite: a capture takes seconds
        var optimistic = true
        // Tests that did not pass side by side: the next run tries them
        // alone before anything else, and only that run's verdict counts
        // (a test starved of CPU or of the cooperative pool by its
        // neighbours may fail where it would pass alone).
        var suspects: [String] = []
        while !remaining.isEmpty {
            if let deadline, Date() >= deadline {
                for id in remaining {
                    outcome.results[id] = TestResult(
                        id: id, name: id, status: .notRun,
                        message: "not run: the time budget for grading this submission ran out first", teaches: nil, seconds: 0)
                }
                break
            }
            let parallel = optimistic
            optimistic = false
            let ids = suspects.isEmpty ? remaining : suspects
            suspects = []
            let attempt = runOnce(ids, parallel: parallel, mayCapture: &mayCapture)
            if attempt.stoppedAtFailure && parallel {
                suspects = ids.filter { attempt.results[$0]?.status == .failed }
                continue
            }
            if attempt.stoppedAtFailure {
                for id in remaining {
                    outcome.results[id] =
                        attempt.results[id].flatMap { $0.status == .failed ? $0 : nil }
                        ?? TestResult(
                            id: id, name: attempt.names[id] ?? id, status: .notRun,
                            message: "not run: another test had already failed", teaches: nil, seconds: 0)
                }
                break
            }
            if let deadline, Date() >= deadline, !attempt.normal {
                // Stopped by the budget, not by the code under test: what
                // finished counts, the rest is not run (next round).
                for id in ids { if let result = attempt.results[id] { outcome.results[id] = result } }
                remaining = remaining.filter { outcome.results[$0] == nil }
                continue
            }
            if parallel && !attempt.normal { continue }  // none of it counts
            if parallel {
                for id in ids {
                    if let result = attempt.results[id], result.status == .passed {
                        outcome.results[id] = result
                    } else {
                        suspects.append(id)
                    }
                }
                remaining = remaining.filter { outcome.results[$0] == nil }
                continue
            }
            outcome.anomalies += attempt.anomalies
            var decided = 0
            for id in ids {
                guard let result = attempt.results[id] else { continue }
                if result.status == .passed && !attempt.normal { continue }  // not trusted: run again
                outcome.results[id] = result
                decided += 1
            }
            if attempt.normal {
                for id in ids where outcome.results[id] == nil {
                    outcome.results[id] = TestResult(
                        id: id, name: id, status: .notReported,
                        message: "the test run ended without running this test", teaches: nil, seconds: 0)
                }
            } else if decided == 0 {
                // The process died between tests: blame the test that ran last
                // (it left something behind), or give up if none ran.
                guard let last = attempt.lastEnded, ids.contains(last) else {
                    for id in ids {
                        outcome.results[id] = TestResult(
                            id: id, name: id, status: .notReported,
                            message: "the test process \(attempt.summary) before this test could run", teaches: nil, seconds: 0)
                    }
                    remaining = remaining.filter { outcome.results[$0] == nil }
                    continue
                }
                outcome.results[last] = TestResult(
                    id: last, name: attempt.names[last] ?? last, status: .crashed,
                    message:
                        "the test process \(attempt.summary) just after this test ended: something it started (a thread, a timer) ended the process",
                    teaches: nil, seconds: 0)
            }
            remaining = remaining.filter { outcome.results[$0] == nil }
            if stopAtFirstFailure, outcome.results.values.contains(where: { $0.status != .passed }) {
                for id in remaining {
                    outcome.results[id] = TestResult(
                        id: id, name: id, status: .notRun,
                        message: "not run: another test had already failed", teaches: nil, seconds: 0)
                }
                break
            }
        }
        return outcome
    }

    private struct Attempt {
        var results: [String: TestResult] = [:]
        var names: [String: String] = [:]
        var normal = false
        var lastEnded: String?
        var summary = ""
        var anomalies: [String] = []
        /// Stopped on purpose: a test had failed (``stopAtFirstFailure``).
        var stoppedAtFailure = false
    }

    private func runOnce(_ ids: [String], parallel: Bool, mayCapture: inout Bool) -> Attempt {
        let channel: EventChannel
        do { channel = try EventChannel(writer: user) } catch {
            return Attempt(summary: "could not be started (\(error))")
        }
        var environment: [String: String] = [:]
        // Once per suite, a capture: at a hang, or earlier, when a test finds
        // threads stuck (CourseSupport stops the process for it; code known
        // to be wrong is not worth the seconds).
        var capture = mayCapture && !parallel
        let watchStuck = capture && explainsStuckThreads && !stopAtFirstFailure
        if watchStuck { environment["WORKBOOK_STOP_WHEN_STUCK"] = "1" }
        let outFolder = sandbox.visiblePath(host: channel.writable, inside: Self.insideRun + "/out")
        if sanitizerLane {
            environment["TSAN_OPTIONS"] = "halt_on_error=1 exitcode=66 report_signal_unsafe=0 log_path=\(outFolder)/race"
        }
        var binds: [SandboxRun.Bind] = [
            .init(host: workspace, inside: Self.insideWorkspace),
            .init(host: channel.pipe, inside: Self.insideRun + "/events", writable: true),
            .init(host: channel.writable, inside: Self.insideRun + "/out", writable: true),
        ]
        if let library {
            binds.append(.init(host: library, inside: Self.insideRun + "/subject"))
            environment["LD_LIBRARY_PATH"] = sandbox.visiblePath(host: library, inside: Self.insideRun + "/subject")
        }
        if let shaker {
            binds.append(shaker.bind)
            environment.merge(shaker.environment(in: sandbox)) { $1 }
        }
        let run = SandboxRun(
            uid: user, binds: binds, hostWorkingDirectory: channel.writable,
            environment: environment, limits: limits)
        let binaryPath = sandbox.visiblePath(host: workspace.appending(path: binary), inside: Self.insideWorkspace + "/" + binary)
        var arguments = [
            "--testing-library", "swift-testing",
            "--event-stream-output-path", sandbox.visiblePath(host: channel.pipe, inside: Self.insideRun + "/events"),
            "--event-stream-version", "\(EventStream.version)",
        ]
        if !parallel { arguments.append("--no-parallel") }
        for id in ids { arguments += ["--filter", NSRegularExpression.escapedPattern(for: id)] }

        let prepared: PreparedRun
        do { prepared = try sandbox.prepare([binaryPath] + arguments, run) } catch {
            return Attempt(summary: "could not be sandboxed (\(error))")
        }
        defer { prepared.finish() }

        var stream = EventStream()
        var watchdog = Watchdog(perTestLimit: parallel ? perTestLimit / 2 : perTestLimit)
        var streamBytes = 0
        var stacks: [CapturedThread]?
        var stuck: (test: String, threads: [CapturedThread])?
        var testProcess: pid_t?
        var stoppedAtFailure = false
        let binaryName = (binary as NSString).lastPathComponent
        let libraries = library.map { [(inside: sandbox.visiblePath(host: $0, inside: Self.insideRun + "/subject"), host: $0)] } ?? []
        let outcome = prepared.run(timeout: perTestLimit * Double(ids.count) + 60, outputCap: 64 << 10) { pid in
            let data = channel.drain()
            streamBytes += data.count
            stream.feed(data)
            if watchStuck && capture {
                testProcess = testProcess ?? ProcessTree.descendant(of: pid, executableNamed: binaryName)
                if let testProcess, ProcessTree.isStopped(testProcess) {
                    capture = false
                    let start = Date()
                    if let test = stream.running,
                        let threads = StackCapture.capture(
                            under: pid, binaryName: binaryName,
                            binary: workspace.appending(path: binary),
                            libraries: libraries)
                    {
                        stuck = (test, threads)
                    }
                    kill(testProcess, SIGCONT)
                    watchdog.pause(for: Date().timeIntervalSince(start))
                }
            }
            if let deadline, Date() >= deadline { return false }
            if stopAtFirstFailure && stream.anomalies.isEmpty && stream.hasFailedTest { stoppedAtFailure = true; return false }
            guard streamBytes <= Self.streamCap, watchdog.allows(stream) else {
                if watchdog.expired && capture {
                    // Before the kill: where is every thread waiting?
                    capture = false
                    stacks = StackCapture.capture(
                        under: pid, binaryName: binaryName, binary: workspace.appending(path: binary),
                        libraries: libraries)
                }
                return false
            }
            return true
        }
        if !parallel { mayCapture = capture }
        stream.feed(channel.drain())
        let race = sanitizerLane ? RaceReport.read(in: channel.writable, status: outcome.ending) : nil
        let context = Verdicts(
            stream: stream, ending: outcome.ending, output: outcome.output,
            hungTest: watchdog.expired ? watchdog.watched : nil, flooded: streamBytes > Self.streamCap,
            race: race, outOfMemory: prepared.group?.ranOutOfMemory == true,
            perTestLimit: perTestLimit, limits: limits,
            hangAccount: stacks.map { HangAccount().lines($0) },
            stuckAccount: stuck.map { ($0.test, HangAccount().lines($0.threads)) })
        var attempt = context.judge(ids)
        attempt.stoppedAtFailure = stoppedAtFailure
        return attempt
    }

    /// Decides each test of one attempt from what the attempt left.
    private struct Verdicts {
        var stream: EventStream
        var ending: ProcessOutcome.Ending
        var output: String
        var hungTest: String?
        var flooded: Bool
        var race: RaceReport?
        var outOfMemory: Bool
        var perTestLimit: Double
        var limits: ResourceLimits
        /// Where each thread waited when the hung test was stopped.
        var hangAccount: [String]?
        /// Where each thread waited when a test found threads stuck (the
        /// test, by its stream ID, and the account).
        var stuckAccount: (test: String, lines: [String])?

        var summary: String {
            if hungTest != nil { return "was stopped (a test ran past its time limit)" }
            if flooded { return "was stopped (it wrote more than \(SuiteRunner.streamCap >> 20) MiB of events)" }
            if outOfMemory { return "ran out of memory (limit \(limits.memoryBytes >> 20) MiB) and was killed" }
            switch ending {
            case .exited(66) where race != nil: return "stopped at a data race"
            case .exited(let status): return "exited with status \(status)"
            case .signaled(let signal): return "was killed by signal \(signal) (\(SignalName.of(signal)))"
            case .timedOut, .stopped: return "was stopped at its time limit"
            }
        }

        /// Whether the run went on normally to its end, so its passes count.
        var normal: Bool {
            guard hungTest == nil, !flooded, race == nil, stream.runEnded, stream.anomalies.isEmpty,
                case .exited(let status) = ending
            else { return false }
            return status == (stream.hasIssues ? 1 : 0)
        }

        func judge(_ ids: [String]) -> Attempt {
            var attempt = Attempt(normal: normal, summary: summary, anomalies: stream.anomalies)
            if case .exited(let status) = ending, stream.runEnded, stream.anomalies.isEmpty, hungTest == nil,
                status != (stream.hasIssues ? 1 : 0), race == nil
            {
                attempt.anomalies.append("the test process exited with status \(status), which its results do not explain")
            }
            attempt.lastEnded = stream.startOrder.last { stream.tests[$0]?.ended == true }
                .flatMap { streamID in ids.first { stream.streamID(for: $0) == streamID } }
            for id in ids {
                guard let streamID = stream.streamID(for: id), let state = stream.tests[streamID] else { continue }
                let name = state.displayName ?? id
                attempt.names[id] = name
                func result(_ status: TestResult.Status, _ message: String, seconds: Double = 0) -> TestResult {
                    TestResult(id: id, name: name, status: status, message: message, teaches: nil, seconds: seconds)
                }
                if streamID == hungTest {  // the watchdog's own finding, whatever the stream claims
                    var message =
                        "still running after \(String(format: "%g", perTestLimit)) s: a deadlock, a lost wake-up or an endless loop; the test's processes were killed"
                    if let hangAccount { message += "\nwhere each thread was:\n" + hangAccount.map { "    " + $0 }.joined(separator: "\n") }
                    attempt.results[id] = result(.timedOut, message, seconds: perTestLimit)
                } else if stream.tamperedTests.contains(streamID) {
                    attempt.results[id] = result(
                        .failed, "the test's results were tampered with: its records in the event stream break the stream's rules")
                } else if state.skipped {
                    attempt.results[id] = result(.notReported, "the test was skipped, but it is graded")
                } else if state.started && state.ended {
                    var message = state.issues.first ?? ""
                    if let stuckAccount, stuckAccount.test == streamID, !stuckAccount.lines.isEmpty {
                        message +=
                            "\nwhere each thread was when the test gave up waiting:\n"
                            + stuckAccount.lines.map { "    " + $0 }.joined(separator: "\n")
                    }
                    attempt.results[id] =
                        state.issues.isEmpty
                        ? result(.passed, "", seconds: state.seconds)
                        : result(.failed, message, seconds: state.seconds)
                } else if state.started {
                    attempt.results[id] = unfinished(result)
                }
            }
            return attempt
        }

        private func unfinished(_ result: (TestResult.Status, String, Double) -> TestResult) -> TestResult {
            if let race { return result(.raceDetected, "ThreadSanitizer reported a data race during this test:\n" + race.excerpt, 0) }
            if outOfMemory {
                return result(.crashed, "the test used more than \(limits.memoryBytes >> 20) MiB of memory and was killed", 0)
            }
            if flooded { return result(.crashed, "the test process was stopped: it flooded the grader's event channel", 0) }
            let message = CrashMessage.from(output).map { ":\n    \($0)" } ?? ""
            return result(.crashed, "the test process \(summary) during this test (a trap, a crash or a call to exit)" + message, 0)
        }
    }

    /// Ends a run when a test takes too long (from its own start, however
    /// many run at once), the run stalls between tests or never starts, or
    /// the process lingers after the run ended.
    private struct Watchdog {
        let perTestLimit: Double
        static let startLimit = 60.0
        static let exitLimit = 10.0
        private var seen = -1
        private var since = Date()
        private var startedAt: [String: Date] = [:]
        private(set) var watched: String?
        private(set) var expired = false

        init(perTestLimit: Double) { self.perTestLimit = perTestLimit }

        /// Time spent with the process stopped for a capture is not the
        /// test's: every clock moves on by it.
        mutating func pause(for seconds: Double) {
            since += seconds
            startedAt = startedAt.mapValues { $0 + seconds }
        }

        mutating func allows(_ stream: EventStream) -> Bool {
            let now = Date()
            if stream.progress != seen {
                seen = stream.progress
                since = now
            }
            for id in stream.startOrder where startedAt[id] == nil { startedAt[id] = now }
            if stream.runEnded { return now.timeIntervalSince(since) <= Self.exitLimit }
            let running = stream.startOrder.filter { stream.tests[$0]?.ended == false }
            if let overdue = running.first(where: { now.timeIntervalSince(startedAt[$0] ?? now) > perTestLimit }) {
                watched = overdue
                expired = true
                return false
            }
            // Between tests: a stall is blamed on the test that ran last.
            let limit = stream.startOrder.isEmpty ? Self.startLimit : perTestLimit
            if running.isEmpty && now.timeIntervalSince(since) > limit {
                watched = stream.startOrder.last
                expired = watched != nil
                return false
            }
            return true
        }
    }
}
