import Foundation

/// Swift Testing's machine-readable event stream (JSON Lines, version 0),
/// the only source of verdicts: console text can be forged by the code under
/// test, the event file is written by the testing library.
struct EventStream {
    struct Record: Decodable {
        var kind: String
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
    }

    struct SourceLocation: Decodable {
        var _filePath: String?
        var fileID: String?
        var line: Int?
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
    }

    private(set) var tests: [String: TestState] = [:]
    /// Tests in the order they started.
    private(set) var startOrder: [String] = []

    /// Reads the records in `text`; a torn last line (the process was killed
    /// while writing) is ignored.
    mutating func read(_ text: String) {
        let decoder = JSONDecoder()
        for line in text.split(separator: "\n") {
            guard let record = try? decoder.decode(Record.self, from: Data(line.utf8)) else { continue }
            apply(record)
        }
    }

    private mutating func apply(_ record: Record) {
        let payload = record.payload
        if record.kind == "test" {
            guard payload.kind == "function", let id = payload.id else { return }
            tests[id, default: TestState()].displayName = payload.displayName ?? payload.name
            tests[id]?.sourceFile = payload.sourceLocation?._filePath
            tests[id]?.sourceLine = payload.sourceLocation?.line
            return
        }
        guard let id = payload.testID, tests[id] != nil || payload.kind == "testStarted" else { return }
        switch payload.kind {
        case "testStarted":
            guard tests[id] != nil else { return }   // suites also start
            if !(tests[id]?.started ?? false) { startOrder.append(id) }
            tests[id]?.started = true
        case "testEnded":
            tests[id]?.ended = true
        case "testSkipped":
            tests[id]?.skipped = true
        case "issueRecorded":
            guard payload.issue?.isKnown != true else { return }
            let text = (payload.messages ?? []).map(\.text).joined(separator: "\n")
            tests[id]?.issues.append(text)
            if tests[id]?.issueLine == nil { tests[id]?.issueLine = payload.issue?.sourceLocation?.line }
        default:
            break
        }
    }

    /// The stream's full ID for a listed ID (`M.S/f()` → `M.S/f()/F.swift:3:4`).
    func streamID(for listedID: String) -> String? {
        tests.keys.first { $0 == listedID || $0.hasPrefix(listedID + "/") }
    }
}
