/// The expected output of an example and how to compare it with what the
/// program printed.
public struct OutputExpectation: Sendable, Equatable {
    /// How the printed lines are compared with the expected ones, named as in
    /// the `output` block's info string.
    public enum Mode: String, Sendable, Equatable {
        /// Same lines, same order (`...` matches any run of lines).
        case exact
        /// Same lines as a multiset, any order.
        case unordered
        /// Same lines; lines starting with the same word keep their order.
        case perThread = "per-thread"
    }

    /// How the printed lines are compared with ``lines``.
    public var mode: Mode
    /// The expected lines, trailing spaces and blank lines removed; a
    /// `/REGEX/` line matches a pattern, and in `exact` mode `...` matches
    /// any run of lines.
    public var lines: [String]

    /// An expectation that the output has `lines`, compared as `mode` says.
    public init(mode: Mode, lines: [String]) {
        self.mode = mode
        self.lines = lines
    }

    /// Lines of `text` with trailing spaces and trailing blank lines removed.
    public static func significantLines(_ text: String) -> [String] {
        // Split on any line break: "\r\n" is a single Character in Swift.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { line in
            String(line.reversed().drop(while: { $0 == " " || $0 == "\t" || $0 == "\r" }).reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Checks the patterns themselves: every `/REGEX/` line must compile.
    /// - Returns: a description of the first bad line, or `nil`.
    public func patternProblem() -> String? {
        for line in lines {
            if case .invalid(let message) = ExpectedLine(line) { return message }
        }
        if mode == .perThread, let line = lines.first(where: { PerThreadMatcher.key(ExpectedLine($0)) == nil }) {
            return
                "in `output per-thread` a /REGEX/ line must start with the thread's word in plain text, as in `/worker-1 took .*/`; \(line) does not"
        }
        if mode != .exact, lines.contains("...") {
            return "'...' is only allowed in plain `output` blocks, not `output \(mode.rawValue)`"
        }
        return nil
    }

    /// Compares `output` with the expectation.
    /// - Returns: `nil` when it matches, otherwise what differs, in words.
    public func mismatch(in output: String) -> String? {
        let actual = Self.significantLines(output)
        let expected = lines.map(ExpectedLine.init)
        switch mode {
        case .exact: return ExactMatcher(expected: expected, actual: actual).mismatch()
        case .unordered: return MultisetMatcher(expected: expected, actual: actual).mismatch()
        case .perThread: return PerThreadMatcher(expected: expected, actual: actual).mismatch()
        }
    }
}
