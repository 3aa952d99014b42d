import Testing
@testable import WorkbookKit

@Suite struct BlockRoleParsingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var info: String
        var role: BlockRole
        var testDescription: String { "`\(info)`" }
    }

    static func run(_ ending: RunExpectation.Ending = .exit(0), tsan: Bool = false, timeout: Double = 10) -> BlockRole {
        .program(RunExpectation(ending: ending, threadSanitizer: tsan, timeout: timeout))
    }

    static let kinds: [Case] = [
        Case(info: "swift", role: run()),
        Case(info: "swift exit=132", role: run(.exit(132))),
        Case(info: "swift exit=0", role: run(.exit(0))),
        Case(info: "swift exit=255", role: run(.exit(255))),
        Case(info: "swift hangs", role: run(.hang, timeout: 2)),
        Case(info: "swift hangs timeout=5", role: run(.hang, timeout: 5)),
        Case(info: "swift tsan", role: run(tsan: true)),
        Case(info: "swift tsan exit=66 timeout=30", role: run(.exit(66), tsan: true, timeout: 30)),
        Case(info: "swift timeout=0.5", role: run(timeout: 0.5)),
        Case(info: #"swift compile-fail="is not concurrency-safe""#, role: .compileFail(diagnostic: "is not concurrency-safe")),
        Case(info: "swift compile-fail=Sendable", role: .compileFail(diagnostic: "Sendable")),
        Case(info: "swift prelude=counter", role: .prelude(name: "counter")),
        Case(info: "swift fragment", role: .fragment(context: nil)),
        Case(info: "swift fragment=counter", role: .fragment(context: "counter")),
        Case(info: "swift exercise=lock file=Lock.swift", role: .exercise(name: "lock", file: "Lock.swift")),
        Case(info: "swift file=Lock.swift exercise=lock", role: .exercise(name: "lock", file: "Lock.swift")),
        Case(info: #"swift ignore="needs a network""#, role: .ignored(reason: "needs a network")),
        Case(info: "swift   exit=1\ttimeout=3 ", role: run(.exit(1), timeout: 3)),
        Case(info: "output", role: .output(.exact, lines: ["a", "b"])),
        Case(info: "output unordered", role: .output(.unordered, lines: ["a", "b"])),
        Case(info: "output per-thread", role: .output(.perThread, lines: ["a", "b"])),
        Case(info: "text", role: .other(language: "text")),
        Case(info: "sh exit=1", role: .other(language: "sh")),
        Case(info: "", role: .other(language: "")),
    ]

    @Test("every kind in AUTHORING.md is read from its info string", arguments: kinds)
    func kind(_ example: Case) throws {
        #expect(try BlockRole.parse(info: example.info, literal: "a  \nb\n\n") == example.role)
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var info: String
        var error: AttributeError
        var testDescription: String { "`\(info)`" }
    }

    static let failures: [Failure] = [
        Failure(info: "swift colour=red", error: .unknown("colour", known: BlockRole.swiftAttributes)),
        Failure(info: "swift Exit=1", error: .unknown("Exit", known: BlockRole.swiftAttributes)),
        Failure(info: "output sorted", error: .unknown("sorted", known: BlockRole.outputAttributes)),
        Failure(info: "swift exit", error: .needsValue("exit", example: "exit=132")),
        Failure(info: "swift exit=", error: .needsValue("exit", example: "exit=132")),
        Failure(info: "swift timeout", error: .needsValue("timeout", example: "timeout=5")),
        Failure(info: "swift prelude", error: .needsValue("prelude", example: "prelude=counter")),
        Failure(info: "swift compile-fail", error: .needsValue("compile-fail", example: #"compile-fail="is not concurrency-safe""#)),
        Failure(info: "swift exercise file=Lock.swift", error: .needsValue("exercise", example: "exercise=lock")),
        Failure(info: "swift exercise=lock file", error: .needsValue("file", example: "file=Lock.swift")),
        Failure(info: "swift hangs=yes", error: .takesNoValue("hangs")),
        Failure(info: "swift tsan=1", error: .takesNoValue("tsan")),
        Failure(info: "output unordered=yes", error: .takesNoValue("unordered")),
        Failure(info: "swift fragment prelude=x", error: .conflicting("prelude", "fragment")),
        Failure(info: "swift compile-fail=x exercise=lock file=A.swift", error: .conflicting("compile-fail", "exercise")),
        Failure(info: #"swift ignore="later" fragment"#, error: .conflicting("fragment", "ignore")),
        Failure(info: "swift compile-fail=x exit=1", error: .conflicting("compile-fail", "exit")),
        Failure(info: "swift fragment timeout=3", error: .conflicting("fragment", "timeout")),
        Failure(info: "swift prelude=p tsan", error: .conflicting("prelude", "tsan")),
        Failure(info: "output unordered per-thread", error: .conflicting("unordered", "per-thread")),
        Failure(info: "swift exit=1 hangs", error: .conflicting("exit", "hangs")),
        Failure(info: "swift file=Lock.swift", error: .requires("file", "exercise")),
        Failure(info: "swift exercise=lock", error: .requires("exercise", "file")),
        Failure(
            info: "swift exercise=lock file=Lock.txt",
            error: .invalidValue("file", "Lock.txt", expected: "a Swift file name such as Lock.swift")),
        Failure(
            info: "swift exercise=lock file=Sub/Lock.swift",
            error: .invalidValue("file", "Sub/Lock.swift", expected: "a Swift file name such as Lock.swift")),
        Failure(
            info: "swift exercise=lock file=.Lock.swift",
            error: .invalidValue("file", ".Lock.swift", expected: "a Swift file name such as Lock.swift")),
        Failure(
            info: "swift exercise=Lock file=Lock.swift",
            error: .invalidValue("exercise", "Lock", expected: "a lower-case name such as lock")),
        Failure(info: "swift exit=256", error: .invalidValue("exit", "256", expected: "an exit status from 0 to 255")),
        Failure(info: "swift exit=-1", error: .invalidValue("exit", "-1", expected: "an exit status from 0 to 255")),
        Failure(info: "swift exit=one", error: .invalidValue("exit", "one", expected: "an exit status from 0 to 255")),
        Failure(info: "swift timeout=0", error: .invalidValue("timeout", "0", expected: "seconds between 0 and 300")),
        Failure(info: "swift timeout=301", error: .invalidValue("timeout", "301", expected: "seconds between 0 and 300")),
        Failure(info: "swift timeout=soon", error: .invalidValue("timeout", "soon", expected: "seconds between 0 and 300")),
        Failure(info: "swift exit=1 exit=2", error: .repeated("exit")),
        Failure(info: "output unordered unordered", error: .repeated("unordered")),
        Failure(info: #"swift ignore="needs a network"#, error: .unterminatedQuote),
        Failure(info: #"swift compile-fail="x" exit="1"#, error: .unterminatedQuote),
        Failure(info: "swift ignore", error: .needsValue("ignore", example: #"ignore="needs a network""#)),
        Failure(info: #"swift ignore="""#, error: .needsValue("ignore", example: #"ignore="needs a network""#)),
        Failure(info: #"swift ignore="   ""#, error: .needsValue("ignore", example: #"ignore="needs a network""#)),
    ]

    @Test("each mistake in an info string is its own error", arguments: failures)
    func failure(_ example: Failure) {
        #expect(throws: example.error) {
            try BlockRole.parse(info: example.info, literal: "")
        }
    }

    @Test(
        "error messages name the attribute and say what was expected",
        arguments: [
            (AttributeError.unknown("colour", known: ["exit", "hangs"]), "unknown attribute 'colour' (known: exit, hangs)"),
            (.needsValue("exit", example: "exit=132"), "attribute 'exit' needs a value, as in exit=132"),
            (.takesNoValue("hangs"), "attribute 'hangs' takes no value"),
            (.conflicting("exit", "hangs"), "attributes 'exit' and 'hangs' cannot be combined"),
            (.requires("exercise", "file"), "attribute 'exercise' requires 'file'"),
            (.repeated("exit"), "attribute 'exit' is given twice"),
            (.unterminatedQuote, "unterminated quote in the info string"),
        ])
    func message(error: AttributeError, text: String) {
        #expect(error.description == text)
    }

    @Test("an output block's lines drop trailing spaces and trailing blank lines")
    func outputLines() throws {
        let role = try BlockRole.parse(info: "output", literal: "one  \n\n  two\t\n\n\n")
        #expect(role == .output(.exact, lines: ["one", "", "  two"]))
    }
}
