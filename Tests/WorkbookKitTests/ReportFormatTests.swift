import Foundation
import Testing
@testable import WorkbookKit

/// A grade with every kind of exercise outcome, and student text that no
/// report may pass through raw: markup, quotes, control characters.
private func mixedResult(submission: String = "alice <&> \"b\"") -> SubmissionResult {
    func test(_ id: String, _ status: TestResult.Status, _ points: Double, of max: Double, _ message: String = "") -> TestResult {
        TestResult(
            id: "Suite/\(id)()", name: "\(id) <b>bold</b> & \"q\"", status: status, message: message,
            teaches: "02-locks#condition-variables", seconds: 0.25, points: points, maxPoints: max)
    }
    let lock = ExerciseResult(
        exercise: "lock", lesson: "book/02-locks.md",
        tests: [
            test("mutualExclusion", .passed, 3.34, of: 3.34),
            test("tryLock", .failed, 0, of: 3.33, "Expectation failed: <script>alert(1)</script>\u{1B}[31m\u{0}"),
            test("handover", .timedOut, 0, of: 3.33, "timed out after 10 s ]]> end"),
            test("rechecks", .passed, 0, of: 0),
        ],
        points: 3.34, maxPoints: 10, verdict: .failed, compileErrors: [], notes: [], seconds: 1.5)
    let threads = ExerciseResult(
        exercise: "threads", lesson: "book/01-threads.md",
        tests: [
            test("runsAll", .didNotCompile, 0, of: 5, "Threads.swift:3: error: expected expression"),
            test("order", .didNotCompile, 0, of: 5, "Threads.swift:3: error: expected expression"),
        ],
        points: 0, maxPoints: 10, verdict: .error,
        compileErrors: ["Threads.swift:3: error: expected expression"], notes: [], seconds: 0)
    let race = ExerciseResult(
        exercise: "race", lesson: "book/07-race-conditions.md",
        tests: [test("deposits", .passed, 0, of: 10)],
        points: 0, maxPoints: 10, verdict: .notStarted, compileErrors: [], notes: [], seconds: 0.4)
    let scoped = ExerciseResult(
        exercise: "scoped", lesson: "book/06-scoped-locking.md",
        tests: [test("exclusive", .passed, 5, of: 5), test("nested", .passed, 5, of: 5)],
        points: 10, maxPoints: 10, verdict: .passed, compileErrors: [], notes: [], seconds: 0.3)
    return SubmissionResult(
        submission: submission, exercises: [lock, threads, race, scoped], score: 13.34, maxScore: 40,
        seconds: 4.6, ignoredFiles: ["notes <1>.txt"], sandbox: ["bubblewrap"])
}

private let schemas = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appending(path: "Schemas")

/// Runs a validator; returns its output when it fails.
private func validate(_ executable: String, _ arguments: [String]) -> String? {
    let outcome = ProcessRunner.run(executable, arguments, timeout: 60)
    return outcome.shellStatus == 0 ? nil : "\(executable) \(arguments.joined(separator: " ")): \(outcome.output)"
}

@Suite("Report formats")
struct ReportFormatTests {
    @Test("the terminal table adds up, and names each started exercise's first problem and its section, not a stub's")
    func terminal() {
        let text = TerminalReport.text(mixedResult(submission: "alice"))
        #expect(text.hasPrefix("alice: 13.3 / 40 points"))
        #expect(text.contains("lock: failed: tryLock"))
        #expect(text.contains("read book/02-locks.md#condition-variables"))
        #expect(text.contains("threads: did not compile: Threads.swift:3: error: expected expression"))
        #expect(!text.contains("race:"), "a not-started exercise has no problem line")
        #expect(!text.contains("scoped:"), "a passing exercise has no problem line")
    }

    @Test("results.json validates against Gradescope's format, adds up to the score and keeps student text as text")
    func gradescope() throws {
        let folder = try TemporaryFolder()
        try ReportFormat.write(mixedResult(), formats: [.gradescope], course: try tinyCourse(), to: folder.url)
        let check = "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))"
        let problem = validate(
            "/usr/bin/env",
            [
                "python3", "-c", check, folder.url.appending(path: "results.json").path,
                schemas.appending(path: "gradescope-results.schema.json").path,
            ])
        #expect(problem == nil)
        let json = try #require(
            JSONSerialization.jsonObject(with: Data(contentsOf: folder.url.appending(path: "results.json"))) as? [String: Any])
        let tests = try #require(json["tests"] as? [[String: Any]])
        let cents = tests.map { Int((($0["score"] as? Double) ?? 0) * 100 + 0.5) }.reduce(0, +)
        #expect(cents == 1334, "the tests add up to the score")
        #expect(json["output_format"] as? String == "text", "text, so Gradescope does not render student text as HTML")
        #expect(tests.allSatisfy { $0["output_format"] as? String == "text" })
    }

    @Test("junit.xml validates against the JUnit schema: failures, errors and skipped tests counted, no raw control characters")
    func junit() throws {
        let folder = try TemporaryFolder()
        try ReportFormat.write(mixedResult(), formats: [.junit], course: try tinyCourse(), to: folder.url)
        let file = folder.url.appending(path: "junit.xml")
        let problem = validate("/usr/bin/xmllint", ["--noout", "--schema", schemas.appending(path: "junit.xsd").path, file.path])
        #expect(problem == nil)
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("tests=\"9\""), "every graded test is a testcase")
        #expect(text.contains("failures=\"1\"") && text.contains("errors=\"3\"") && text.contains("skipped=\"1\""))
        #expect(!text.contains("<script>") && !text.contains("\u{1B}") && !text.contains("\u{0}"))
        #expect(text.contains("name=\"points\" value=\"3.34\""))
    }

    @Test("classroom runners: one per exercise, scores summing to the grade, tests worth nothing left out")
    func classroom() throws {
        let runners = try ClassroomReport.runners(mixedResult())
        #expect(runners.map(\.name) == ["lock", "threads", "race", "scoped"])
        var total = 0
        var maximum = 0
        for runner in runners {
            let json = try #require(JSONSerialization.jsonObject(with: runner.json) as? [String: Any])
            let tests = try #require(json["tests"] as? [[String: Any]])
            #expect(json["version"] as? Int == 1)
            #expect(["pass", "fail", "error"].contains(json["status"] as? String))
            #expect(tests.allSatisfy { ["pass", "fail", "error"].contains($0["status"] as? String) })
            total += tests.map { Int((($0["score"] as? Double) ?? 0) * 100 + 0.5) }.reduce(0, +)
            maximum += Int(((json["max_score"] as? Double) ?? 0) * 100 + 0.5)
            if runner.name == "lock" { #expect(tests.count == 3, "the weight-0 test is not a runner's test") }
        }
        #expect(total == 1334 && maximum == 4000, "what Classroom records is the grade")
        let outputs = try ClassroomReport.stepOutputs(mixedResult())
        #expect(
            outputs.split(separator: "\n").map { $0.split(separator: "=").first.map(String.init) } == ["lock", "threads", "race", "scoped"])
    }

    @Test("the gradebook is rebuilt from grade records, joined to a roster, with a status per exercise")
    func gradebook() throws {
        let folder = try TemporaryFolder()
        let course = try tinyCourse()
        try ReportFormat.write(mixedResult(submission: "alice"), formats: [], course: course, to: folder.url.appending(path: "alice"))
        var failed = mixedResult(submission: "bob")
        failed.graderError = "the grader could not grade this submission"
        try ReportFormat.write(failed, formats: [], course: course, to: folder.url.appending(path: "bob"))
        let records = try ReportFormat.records(in: folder.url)
        #expect(records.map(\.name) == ["alice", "bob"])
        let roster = try Roster(
            path: "roster.csv", text: "\u{FEFF}Name,Login\n\"Smith, Alice\",alice\nCarol,carol\n",
            submissions: ["alice", "bob"])
        #expect(roster.key == "Login", "the column whose values name submissions")
        var book = Gradebook(results: records.map(\.result), names: records.map(\.name), exercises: ["lock", "threads", "race", "scoped"])
        book.roster = roster
        #expect(book.unmatched == ["bob"])
        let lines = try book.csv().split(separator: "\n").map(String.init)
        #expect(
            lines[0] == "submission,Name,lock,threads,race,scoped,total,max,status,lock status,threads status,race status,scoped status")
        #expect(lines[1] == "alice,\"Smith, Alice\",3.34,0,0,10,13.34,40,did not compile,failed,did not compile,not started,passed")
        #expect(lines[2].hasPrefix("bob,,") && lines[2].contains(",grader error,"))
    }

    @Test("Canvas and Moodle layouts follow the LMS's import columns and refuse a roster that lacks them")
    func lmsLayouts() throws {
        let result = mixedResult(submission: "alice")
        var book = Gradebook(results: [result], exercises: ["lock", "threads", "race", "scoped"])
        book.layout = .canvas
        book.assignment = "Threads (1234)"
        book.roster = try Roster(
            path: "canvas.csv",
            text: """
                Student,ID,SIS User ID,SIS Login ID,Section,Threads (1234)
                    Points Possible,,,,,40
                "Smith, Alice",17,s17,alice,A,
                Carol,18,s18,carol,A,

                """, submissions: ["alice"])
        #expect(book.roster?.key == "SIS Login ID")
        #expect(
            try book.csv() == """
                Student,ID,SIS User ID,SIS Login ID,Section,Threads (1234)
                    Points Possible,,,,,40
                "Smith, Alice",17,s17,alice,A,13.34
                Carol,18,s18,carol,A,

                """)
        book.layout = .moodle
        book.roster = try Roster(path: "moodle.csv", text: "Email address,submission\nalice@example.com,alice\n", submissions: ["alice"])
        let moodle = try book.csv().split(separator: "\n").map(String.init)
        #expect(moodle[0] == "Email address,submission,Threads (1234),Feedback")
        #expect(moodle[1].hasPrefix("alice@example.com,alice,13.34,"))
        book.layout = .canvas
        #expect(throws: WorkbookError.self) { try book.csv() }
    }
}

/// A course of one lesson, enough for the feedback page.
private func tinyCourse() throws -> Course {
    let folder = try TemporaryFolder()
    try folder.write("# Locks\n\nText.\n", to: "book/02-locks.md")
    return try Course.load(root: folder.url).0
}
