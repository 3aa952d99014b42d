import Testing
@testable import WorkbookKit

@Suite struct OutputExpectationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var mode: OutputExpectation.Mode
        var expected: [String]
        var output: String
        var matches: Bool
        var testDescription: String {
            "\(mode.rawValue) \(expected) vs \(output.debugDescription) → \(matches ? "match" : "mismatch")"
        }

        init(_ mode: OutputExpectation.Mode, _ expected: [String], _ output: String, matches: Bool) {
            self.mode = mode
            self.expected = expected
            self.output = output
            self.matches = matches
        }
    }

    static let exact: [Case] = [
        Case(.exact, ["a", "b"], "a\nb\n", matches: true),
        Case(.exact, ["a", "b"], "a  \nb\t\n\n\n", matches: true),
        Case(.exact, ["a", "b"], "b\na\n", matches: false),
        Case(.exact, ["a", "b"], "a\n", matches: false),
        Case(.exact, ["a"], "a\nb\n", matches: false),
        Case(.exact, ["a", "", "b"], "a\n\nb\n", matches: true),
        Case(.exact, ["a", "b"], "a\n\nb\n", matches: false),
        Case(.exact, ["  a"], "a\n", matches: false),
        Case(.exact, [], "", matches: true),
        Case(.exact, [], "\n\n", matches: true),
        Case(.exact, [], "x\n", matches: false),
        Case(.exact, ["a", "...", "z"], "a\nz\n", matches: true),
        Case(.exact, ["a", "...", "z"], "a\n1\n2\n3\nz\n", matches: true),
        Case(.exact, ["a", "...", "z"], "a\n1\n2\n", matches: false),
        Case(.exact, ["a", "...", "z"], "0\na\nz\n", matches: false),
        Case(.exact, ["...", "done"], "x\ny\ndone\n", matches: true),
        Case(.exact, ["start", "..."], "start\n", matches: true),
        Case(.exact, ["...", "b", "..."], "a\nb\nc\n", matches: true),
        Case(.exact, ["/took [0-9.]+ s/"], "took 1.5 s\n", matches: true),
        Case(.exact, ["/took [0-9.]+ s/"], "it took 1.5 s\n", matches: false),
        Case(.exact, ["/took [0-9.]+ s/"], "took 1.5 s!\n", matches: false),
        Case(.exact, ["/took [0-9.]+ s/"], "took x s\n", matches: false),
        Case(.exact, ["/a|b/"], "a\n", matches: true),
        Case(.exact, ["/a|b/"], "ab\n", matches: false),
    ]

    static let unordered: [Case] = [
        Case(.unordered, ["a", "b", "c"], "c\na\nb\n", matches: true),
        Case(.unordered, ["a", "a", "b"], "b\na\na\n", matches: true),
        Case(.unordered, ["a", "a", "b"], "a\nb\nb\n", matches: false),
        Case(.unordered, ["a"], "a\na\n", matches: false),
        Case(.unordered, ["a", "a"], "a\n", matches: false),
        Case(.unordered, ["a", "b"], "a\nc\n", matches: false),
        Case(.unordered, ["/x[0-9]/", "/x[0-9]/"], "x2\nx1\n", matches: true),
        Case(.unordered, ["/x[0-9]/", "/x[0-9]/"], "x1\n", matches: false),
        Case(.unordered, ["/x[0-9]/", "/x[0-9]/"], "x1\ny\n", matches: false),
        // The pattern must give way to the literal that can only match x1.
        Case(.unordered, ["/x[0-9]/", "x1"], "x1\nx2\n", matches: true),
        Case(.unordered, ["x1", "/x[0-9]/"], "x2\nx1\n", matches: true),
    ]

    static let perThread: [Case] = [
        Case(.perThread, ["a: 1", "a: 2", "b: 1", "b: 2"], "a: 1\nb: 1\na: 2\nb: 2\n", matches: true),
        Case(.perThread, ["a: 1", "a: 2", "b: 1", "b: 2"], "b: 1\nb: 2\na: 1\na: 2\n", matches: true),
        Case(.perThread, ["a: 1", "a: 2", "b: 1", "b: 2"], "a: 2\nb: 1\na: 1\nb: 2\n", matches: false),
        Case(.perThread, ["a: 1", "a: 2", "b: 1", "b: 2"], "a: 1\nb: 2\na: 2\nb: 1\n", matches: false),
        Case(
            .perThread, ["worker-1 start", "worker-1 done", "worker-2 start", "worker-2 done"],
            "worker-2 start\nworker-1 start\nworker-2 done\nworker-1 done\n", matches: true),
        Case(.perThread, ["worker-1 start", "worker-1 done"], "worker-1 done\nworker-1 start\n", matches: false),
        Case(.perThread, ["a: 1", "b: 1"], "a: 1\n", matches: false),
        Case(.perThread, ["a: 1"], "a: 1\nb: 1\n", matches: false),
        Case(.perThread, ["a: 1", "a: 1"], "a: 1\n", matches: false),
        Case(.perThread, ["/a: took [0-9]+ ms/", "a: done", "b: done"], "b: done\na: took 5 ms\na: done\n", matches: true),
        Case(.perThread, ["/a: took [0-9]+ ms/", "a: done"], "a: done\na: took 5 ms\n", matches: false),
    ]

    @Test("plain output: same lines in order, `...` for any run, /regex/ matching whole lines", arguments: exact)
    func exactMode(_ example: Case) {
        expectOutcome(example)
    }

    @Test("unordered output: a multiset of lines; each pattern claims its own line", arguments: unordered)
    func unorderedMode(_ example: Case) {
        expectOutcome(example)
    }

    @Test("per-thread output: lines sharing a first word keep their order, threads interleave", arguments: perThread)
    func perThreadMode(_ example: Case) {
        expectOutcome(example)
    }

    @Test("per-thread output: a pattern must start with its thread's word in plain text")
    func perThreadPatternWithoutLiteralWord() {
        let unkeyed = OutputExpectation(mode: .perThread, lines: ["/[ab]: done/", "/[ab]: done/"])
        #expect(unkeyed.patternProblem()?.contains("/[ab]: done/") == true)
        let keyed = OutputExpectation(mode: .perThread, lines: ["/a: took [0-9]+ ms/", "b: done"])
        #expect(keyed.patternProblem() == nil)
        #expect(keyed.mismatch(in: "b: done\na: took 12 ms\n") == nil)
    }

    struct MessageCase: CustomTestStringConvertible, Sendable {
        var mode: OutputExpectation.Mode
        var expected: [String]
        var output: String
        var phrases: [String]
        var testDescription: String { "\(mode.rawValue): \(phrases)" }
    }

    @Test(
        "a mismatch message names the offending line",
        arguments: [
            MessageCase(mode: .exact, expected: ["a", "b", "c"], output: "a\nX\nc\n", phrases: ["line 2", "`b`", "`X`"]),
            MessageCase(mode: .exact, expected: ["a"], output: "a\nz\n", phrases: ["line 2", "`z`"]),
            MessageCase(mode: .exact, expected: ["a", "b"], output: "a\n", phrases: ["after 1 lines", "`b`"]),
            MessageCase(
                mode: .exact, expected: ["/took [0-9]+ s/"], output: "took x s\n", phrases: ["line 1", "`/took [0-9]+ s/`", "`took x s`"]),
            MessageCase(mode: .exact, expected: ["a", "...", "z"], output: "a\nb\n", phrases: ["`...`", "a\nb"]),
            MessageCase(mode: .unordered, expected: ["a", "b"], output: "a\nc\n", phrases: ["missing", "`b`", "unexpected", "`c`"]),
            MessageCase(mode: .unordered, expected: ["a", "a"], output: "a\n", phrases: ["missing", "`a`"]),
            MessageCase(
                mode: .perThread, expected: ["a: 1", "a: 2"], output: "a: 2\na: 1\n",
                phrases: ["`a`", "out of order", "`a: 1`", "`a: 2`"]),
            MessageCase(mode: .perThread, expected: ["a: 1"], output: "a: 1\nb: 9\n", phrases: ["unexpected", "`b: 9`"]),
        ])
    func mismatchMessage(_ example: MessageCase) throws {
        let expectation = OutputExpectation(mode: example.mode, lines: example.expected)
        let message = try #require(expectation.mismatch(in: example.output))
        for phrase in example.phrases {
            #expect(message.contains(phrase), "\(phrase.debugDescription) not in \(message.debugDescription)")
        }
    }

    @Test(
        "patternProblem reports an invalid regex and `...` outside plain output",
        arguments: [
            (OutputExpectation.Mode.exact, ["fine", "/[unclosed/"], "/[unclosed/"),
            (.unordered, ["/(a/"], "/(a/"),
            (.perThread, ["a: 1", "/a: [0-9+/"], "/a: [0-9+/"),
            (.unordered, ["a", "..."], "output unordered"),
            (.perThread, ["..."], "output per-thread"),
        ])
    func patternProblem(mode: OutputExpectation.Mode, lines: [String], phrase: String) throws {
        let problem = try #require(OutputExpectation(mode: mode, lines: lines).patternProblem())
        #expect(problem.contains(phrase), "\(problem)")
    }

    @Test(
        "patternProblem accepts valid patterns, `...` in plain output and lone slashes",
        arguments: [
            (OutputExpectation.Mode.exact, ["/a+/", "...", "/", "plain"]),
            (.unordered, ["/x[0-9]/", "y"]),
            (.perThread, ["/a: .*/", "b: 1"]),
        ])
    func noPatternProblem(mode: OutputExpectation.Mode, lines: [String]) {
        #expect(OutputExpectation(mode: mode, lines: lines).patternProblem() == nil)
    }

    @Test("an invalid pattern never matches, so the example fails rather than passing silently")
    func invalidPatternNeverMatches() {
        #expect(OutputExpectation(mode: .exact, lines: ["/[/"]).mismatch(in: "[\n") != nil)
    }

    @Test(
        "significant lines drop trailing whitespace and trailing blank lines only",
        arguments: [
            ("a \nb\t\n", ["a", "b"]),
            ("\n\na\n", ["", "", "a"]),
            ("a\n\n\n  \n", ["a"]),
            ("", []),
            ("  indented", ["  indented"]),
        ])
    func significantLines(text: String, lines: [String]) {
        #expect(OutputExpectation.significantLines(text) == lines)
    }

    @Test("output with CRLF line endings is split into lines like LF output")
    func crlfOutput() {
        #expect(OutputExpectation.significantLines("one\r\ntwo\r\n") == ["one", "two"])
        #expect(OutputExpectation(mode: .exact, lines: ["one", "two"]).mismatch(in: "one\r\ntwo\r\n") == nil)
    }

    private func expectOutcome(_ example: Case, sourceLocation: SourceLocation = #_sourceLocation) {
        let expectation = OutputExpectation(mode: example.mode, lines: example.expected)
        #expect(expectation.patternProblem() == nil, sourceLocation: sourceLocation)
        let mismatch = expectation.mismatch(in: example.output)
        if example.matches {
            #expect(mismatch == nil, sourceLocation: sourceLocation)
        } else {
            #expect(mismatch != nil, "matched but should not have", sourceLocation: sourceLocation)
        }
    }
}
