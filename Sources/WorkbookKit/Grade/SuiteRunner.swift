import Foundation

/// Runs a compiled test binary for a list of tests and judges each one from
/// the event stream, isolating crashes and hangs to the test they happen in.
///
/// Tests run one at a time. A test still running after `perTestLimit`
/// seconds has its whole process group killed and is `timed out`; a test that
/// started and never ended in a process that died `crashed`. Tests that never
/// started are run again in a fresh process, so one bad test costs only itself.
struct SuiteRunner {
    let binary: URL
    let testIDs: [String]
    let perTestLimit: Double
    let sandbox: Sandbox
    var environment: [String: String] = [:]
    var sanitizerLane = false

    /// - Returns: a verdict for every test that is not skipped (the suite's
    ///   own helpers, such as child-process scenarios, skip themselves).
    func run() -> [String: TestResult] {
        var results: [String: TestResult] = [:]
        var remaining = testIDs
        var skipped = Set<String>()
        while !remaining.isEmpty {
            let attempt = runOnce(remaining)
            var progressed = false
            for id in remaining {
                if let result = attempt.results[id] {
                    results[id] = result
                    progressed = true
                }
            }
            skipped.formUnion(attempt.skipped)
            remaining = remaining.filter { results[$0] == nil && !skipped.contains($0) }
            if !progressed && !attempt.skipped.isEmpty && remaining.isEmpty { break }
            if !progressed {
                for id in remaining {
                    results[id] = TestResult(id: id, name: id, status: .notReported,
                        message: "the test never started: \(attempt.summary)", teaches: nil, seconds: 0)
                }
                break
            }
        }
        return results
    }

    private struct Attempt {
        var results: [String: TestResult] = [:]
        var skipped: Set<String> = []
        var summary = ""
    }

    private func runOnce(_ ids: [String]) -> Attempt {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "workbook-run-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o777])
        defer { try? FileManager.default.removeItem(at: scratch) }
        let events = scratch.appending(path: "events.jsonl")
        let output = scratch.appending(path: "output.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)

        var arguments = ["--testing-library", "swift-testing", "--no-parallel",
                         "--event-stream-output-path", events.path, "--event-stream-version", "0"]
        for id in ids { arguments += ["--filter", NSRegularExpression.escapedPattern(for: id)] }
        let backstop = perTestLimit * Double(ids.count) + 30
        let process = Process()
        process.executableURL = URL(filePath: "/usr/bin/timeout")
        process.arguments = ["-s", "KILL", String(format: "%.0f", backstop)] + sandbox.wrapper + [binary.path] + arguments
        process.currentDirectoryURL = scratch
        process.environment = ProcessInfo.processInfo.environment
            .merging(sandbox.environment) { $1 }.merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        guard let handle = try? FileHandle(forWritingTo: output) else { return Attempt(summary: "cannot write output") }
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        do { try withDefaultSignalMask { try process.run() } } catch { return Attempt(summary: "cannot start the tests: \(error)") }

        // Watch the event stream; kill the group when one test runs too long.
        var stream = EventStream()
        var watched: (id: String, since: Date)?
        var killedFor: String?
        while process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
            stream = EventStream()
            stream.read((try? String(contentsOf: events, encoding: .utf8)) ?? "")
            let running = stream.startOrder.last { stream.tests[$0]?.ended == false }
            if running != watched?.id { watched = running.map { ($0, Date()) } }
            if let watched, Date().timeIntervalSince(watched.since) > perTestLimit {
                killedFor = watched.id
                kill(-process.processIdentifier, SIGKILL)
                kill(process.processIdentifier, SIGKILL)
                break
            }
        }
        process.waitUntilExit()
        stream = EventStream()
        stream.read((try? String(contentsOf: events, encoding: .utf8)) ?? "")
        let (text, _) = ProcessRunner.readCapped(output, cap: 64 << 10)
        return judge(ids, stream: stream, process: process, killedFor: killedFor, output: text)
    }

    private func judge(_ ids: [String], stream: EventStream, process: Process, killedFor: String?, output: String) -> Attempt {
        var attempt = Attempt()
        let status = process.terminationStatus
        let died = process.terminationReason == .uncaughtSignal ? "was killed by signal \(status)" : "exited with status \(status)"
        attempt.summary = "the test process \(died)"
        let raceReport = sanitizerLane && output.contains("ThreadSanitizer")
        for id in ids {
            guard let streamID = stream.streamID(for: id), let state = stream.tests[streamID] else { continue }
            let name = state.displayName ?? id
            if state.skipped { attempt.skipped.insert(id); continue }
            guard state.started else { continue }
            if state.ended {
                let passed = state.issues.isEmpty
                attempt.results[id] = TestResult(id: id, name: name, status: passed ? .passed : .failed,
                    message: state.issues.first ?? "", teaches: nil, seconds: 0)
            } else if killedFor == streamID {
                attempt.results[id] = TestResult(id: id, name: name, status: .timedOut,
                    message: "still running after \(String(format: "%g", perTestLimit)) s: a deadlock, a lost wake-up or an endless loop; the test's processes were killed",
                    teaches: nil, seconds: perTestLimit)
            } else if raceReport {
                attempt.results[id] = TestResult(id: id, name: name, status: .raceDetected,
                    message: "ThreadSanitizer reported a data race during this test:\n" + Self.raceExcerpt(output),
                    teaches: nil, seconds: 0)
            } else {
                attempt.results[id] = TestResult(id: id, name: name, status: .crashed,
                    message: "the test process \(died) during this test (a trap, a crash or a call to exit)\n" + Self.tail(output),
                    teaches: nil, seconds: 0)
            }
        }
        return attempt
    }

    static func tail(_ output: String, lines: Int = 8) -> String {
        output.split(separator: "\n").suffix(lines).map { "    " + $0 }.joined(separator: "\n")
    }

    static func raceExcerpt(_ output: String) -> String {
        let lines = output.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains("WARNING: ThreadSanitizer") }) else { return tail(output) }
        return lines[start...].prefix(14).map { "    " + $0 }.joined(separator: "\n")
    }
}
