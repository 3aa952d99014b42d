import Foundation

/// Swift Testing's machine-readable event stream (JSON Lines, version 0),
/// read as it is written: the only source of verdicts.
///
/// Console text can be forged by the code under test; the stream reaches
/// the grader through a pipe the grader owns, so what was written cannot be
/// taken back. Code in the test process could still write records of its
/// own, so the stream is also checked for coherence: every test starts once
/// and ends once, nothing happens after the run ended, and every record is
/// of the version asked for. What breaks those rules is an anomaly.
struct EventStream {
    struct Record: Decodable {
        var kind: String
        var version: Int?
        var payload: Payload
    }

    struct Payload: Decodable {
        var kind: String
        var id: String?
        var testID: String?
        var displayName: String?
        var name: String?
        var sourceLocation: SourceLocation?
        var messages: [Message]?
        var issue: Issue?
        var instant: Instant?
    }

    struct SourceLocation: Decodable {
        var _filePath: String?
        var fileID: String?
        var line: Int?
    }

    /// When an event happened, in seconds on the test process's clock.
    struct Instant: Decodable {
        var absolute: Double?
    }

    struct Message: Decodable {
        var symbol: String
        var text: String
    }

    struct Issue: Decodable {
        var isKnown: Bool?
        var sourceLocation: SourceLocation?
    }

    /// What the stream says about each test function.
    struct TestState {
        var displayName: String?
        var sourceFile: String?
        var sourceLine: Int?
        var started = false
        var ended = false
        var skipped = false
        var issues: [String] = []
        var issueLine: Int?
        var startedAt: Double?
        var endedAt: Double?

        /// How long the test ran, by the test process's own clock.
        var seconds: Double {
            guard let startedAt, let endedAt, endedAt >= startedAt else { return 0 }
            return endedAt - startedAt
        }
    }

    static let version = 0

    private(set) var tests: [String: TestState] = [:]
    private var suites: Set<String> = []
    /// Tests in the order they started.
    private(set) var startOrder: [String] = []
    private(set) var runEnded = false
    /// Tests started, plus the run's end: the watchdog's sign of progress.
    private(set) var progress = 0
    /// Records that break the stream's rules, in words.
    private(set) var anomalies: [String] = []
    /// Tests whose records break the rules.
    private(set) var tamperedTests: Set<String> = []
    private var pending = Data()

    /// The test that started last and has not ended.
    var running: String? { startOrder.last { tests[$0]?.ended == false } }

    /// Whether any test recorded an issue.
    var hasIssues: Bool { tests.values.contains { !$0.issues.isEmpty } }

    /// Whether a test has ended with an issue of its own, by the rules.
    var hasFailedTest: Bool {
        tests.contains { id, state in state.ended && !state.issues.isEmpty && !tamperedTests.contains(id) }
    }

    /// Reads the complete lines in `data`, keeping a torn last line for the
    /// next call (the writer may be between two writes, or was killed).
    mutating func feed(_ data: Data) {
        pending.append(data)
        while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
            let line = pending[pending.startIndex..<newline]
            pending.removeSubrange(pending.startIndex...newline)
            read(line: Data(line))
        }
    }

    /// Reads a whole stream at once (a torn last line is ignored).
    mutating func read(_ text: String) { feed(Data(text.utf8)) }

    private mutating func read(line: Data) {
        guard !line.isEmpty else { return }
        guard let record = try? JSONDecoder().decode(Record.self, from: line) else {
            anomalies.append("a line that is not an event record")
            return
        }
        guard record.version == Self.version else {
            anomalies.append("a record of stream version \(record.version.map(String.init) ?? "none"), not \(Self.version)")
            return
        }
        if runEnded { anomalies.append("a record after the run ended (\(record.payload.kind))") }
        apply(record)
    }

    private mutating func apply(_ record: Record) {
        let payload = record.payload
        if record.kind == "test" {
            guard let id = payload.id else { return }
            guard payload.kind == "function" else { suites.insert(id); return }
            tests[id, default: TestState()].displayName = payload.displayName ?? payload.name
            tests[id]?.sourceFile = payload.sourceLocation?._filePath
            tests[id]?.sourceLine = payload.sourceLocation?.line
            return
        }
        if payload.kind == "runEnded" {
            if runEnded { anomalies.append("the run ended twice") }
            runEnded = true
            progress += 1
            return
        }
        guard let id = payload.testID else { return }
        guard tests[id] != nil else {
            if payload.kind == "testStarted" && !suites.contains(id) {
                anomalies.append("a test the grader did not ask for started: \(id)")
            }
            return
        }
        switch payload.kind {
        case "testStarted":
            if tests[id]?.started == true { flag(id, "started twice") }
            tests[id]?.started = true
            tests[id]?.startedAt = payload.instant?.absolute
            startOrder.append(id)
            progress += 1
        case "testEnded":
            if tests[id]?.started != true || tests[id]?.ended == true { flag(id, "ended without a start, or twice") }
            tests[id]?.ended = true
            tests[id]?.endedAt = payload.instant?.absolute
        case "testSkipped":
            tests[id]?.skipped = true
        case "issueRecorded":
            guard payload.issue?.isKnown != true else { return }
            // The test's own words (Swift Testing's "details": the comment
            // of an #expect) first, then the failed expression: a student
            // reads the first line.
            let messages = payload.messages ?? []
            let text = (messages.filter { $0.symbol == "details" } + messages.filter { $0.symbol != "details" })
                .map(\.text).joined(separator: "\n")
            tests[id]?.issues.append(text)
            if tests[id]?.issueLine == nil { tests[id]?.issueLine = payload.issue?.sourceLocation?.line }
        default:
            break
        }
    }

    private mutating func flag(_ id: String, _ what: String) {
        tamperedTests.insert(id)
        anomalies.append("\(id) \(what)")
    }

    /// The stream's full ID for a listed ID (`M.S/f()` → `M.S/f()/F.swift:3:4`).
    func streamID(for listedID: String) -> String? {
        tests.keys.first { $0 == listedID || $0.hasPrefix(listedID + "/") }
    }
}
