import Foundation

/// How much decoration the output may carry: colour and symbols only on a
/// terminal, no colour when `NO_COLOR` is set (https://no-color.org), plain
/// words when piped or redirected.
public struct TerminalStyle: Sendable, Equatable {
    /// Whether text may be coloured.
    public var colour: Bool
    /// Whether marks may be symbols (`✓`, `✗`) rather than words (`[pass]`,
    /// `[FAIL]`), and the screen may be cleared.
    public var symbols: Bool

    /// A style with colour and symbols as given.
    public init(colour: Bool, symbols: Bool) {
        self.colour = colour
        self.symbols = symbols
    }

    /// No colour and no symbols: words only.
    public static let plain = TerminalStyle(colour: false, symbols: false)

    /// The style for standard output as the process finds it.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        let terminal = isatty(STDOUT_FILENO) != 0
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        return TerminalStyle(colour: terminal && !noColour, symbols: terminal)
    }

    /// The colours and weights text can be painted in, as ANSI escape codes.
    public enum Colour: String {
        case green = "32", red = "31", yellow = "33", dim = "2", bold = "1", cyan = "36"
    }

    /// `text` painted in `colour`, or left as it is when colour is off.
    public func paint(_ text: String, _ colour: Colour) -> String {
        self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The mark before a test or exercise.
    public func mark(passed: Bool) -> String {
        passed ? paint(symbols ? "✓" : "[pass]", .green) : paint(symbols ? "✗" : "[FAIL]", .red)
    }

    /// The mark before a test with `status`: pass or fail, with marks of
    /// their own for a time-out and (in words) a compile error.
    public func mark(_ status: TestResult.Status) -> String {
        switch status {
        case .passed: return mark(passed: true)
        case .timedOut: return paint(symbols ? "⧗" : "[TIME]", .red)
        case .didNotCompile: return paint(symbols ? "✗" : "[ERR ]", .red)
        default: return mark(passed: false)
        }
    }

    /// The mark before an exercise not started.
    public var notStartedMark: String { paint(symbols ? "○" : "[ -- ]", .dim) }
    /// The arrow before the exercise to do next (nothing without symbols).
    public var nextMark: String { symbols ? paint("➜ ", .cyan) : "" }

    /// Clears the screen and moves to its top (terminals only).
    public var clearScreen: String { symbols ? "\u{1B}[2J\u{1B}[H" : "" }
}
