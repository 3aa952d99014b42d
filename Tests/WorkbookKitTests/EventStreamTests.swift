import Foundation
import Testing
@testable import WorkbookKit

/// The event stream's reading and its coherence rules, on hand-made records.
@Suite struct EventStreamTests {
    static let id = "ATests.t()/T.swift:3:2"

    static func record(_ kind: String, _ extra: String = "", version: Int = 0) -> String {
        #"{"kind":"event","payload":{"kind":"\#(kind)"\#(extra)},"version":\#(version)}"#
    }
    static let declaration = #"{"kind":"test","payload":{"id":"\#(id)","kind":"function","name":"t()"},"version":0}"#
    static let started = record("testStarted", #","testID":"\#(id)""#)
    static let ended = record("testEnded", #","testID":"\#(id)""#)
    static let issue = record("issueRecorded", #","testID":"\#(id)","messages":[{"symbol":"fail","text":"Expectation failed"}]"#)
    static let runEnded = record("runEnded")

    func stream(_ lines: [String]) -> EventStream {
        var stream = EventStream()
        stream.read(lines.joined(separator: "\n") + "\n")
        return stream
    }

    @Test("a test that starts, records an issue and ends is read as such")
    func readsATest() {
        let stream = stream([Self.declaration, Self.started, Self.issue, Self.ended, Self.runEnded])
        let state = stream.tests[Self.id]
        #expect(state?.started == true && state?.ended == true)
        #expect(state?.issues == ["Expectation failed"])
        #expect(stream.runEnded && stream.anomalies.isEmpty && stream.hasIssues)
        #expect(stream.streamID(for: "ATests.t()") == Self.id)
    }

    @Test("an issue's message starts with the test's own words, then the failed expression")
    func issueWordsFirst() {
        let issue = Self.record(
            "issueRecorded",
            #","testID":"\#(Self.id)","messages":[{"symbol":"fail","text":"Expectation failed: (x → 1) == 2"},{"symbol":"details","text":"the count is 1, expected 2"}]"#
        )
        let stream = stream([Self.declaration, Self.started, issue, Self.ended, Self.runEnded])
        #expect(stream.tests[Self.id]?.issues == ["the count is 1, expected 2\nExpectation failed: (x → 1) == 2"])
    }

    @Test("records are read as they arrive, a torn line waits for its end")
    func readsIncrementally() {
        var stream = EventStream()
        let text = [Self.declaration, Self.started].joined(separator: "\n") + "\n"
        let cut = text.index(text.endIndex, offsetBy: -10)
        stream.feed(Data(text[..<cut].utf8))
        #expect(stream.running == nil)
        stream.feed(Data(text[cut...].utf8))
        #expect(stream.running == Self.id)
        #expect(stream.progress == 1)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var lines: [String]
        var tampered: Bool
        var testDescription: String
    }

    @Test(
        "records that break the stream's rules are anomalies",
        arguments: [
            Case(lines: [declaration, started, started, ended, runEnded], tampered: true, testDescription: "started twice"),
            Case(lines: [declaration, ended, runEnded], tampered: true, testDescription: "ended without a start"),
            Case(lines: [declaration, started, ended, ended, runEnded], tampered: true, testDescription: "ended twice"),
            Case(lines: [declaration, started, ended, runEnded, runEnded], tampered: false, testDescription: "run ended twice"),
            Case(lines: [declaration, started, ended, runEnded, started], tampered: true, testDescription: "a record after the end"),
            Case(
                lines: [declaration, record("testStarted", #","testID":"ATests.t()/T.swift:3:2"#, version: 7)], tampered: false,
                testDescription: "an unknown stream version"),
            Case(
                lines: [declaration, "not json at all", started, ended, runEnded], tampered: false,
                testDescription: "a line that is not a record"),
            Case(
                lines: [declaration, record("testStarted", #","testID":"Other.x()/X.swift:1:1""#)], tampered: false,
                testDescription: "a test nobody asked for"),
        ])
    func anomalies(_ example: Case) {
        let stream = stream(example.lines)
        #expect(!stream.anomalies.isEmpty)
        #expect(stream.tamperedTests.contains(Self.id) == example.tampered)
    }
}
