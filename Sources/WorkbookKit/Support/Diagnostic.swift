/// One problem found in the course, located in a file and, where it has
/// one, a line.
///
/// Printed as `book/02-locks.md:57: error: message`, the form compilers and
/// editors understand, or `Tests/Mutants/Lock: error: message` for a
/// problem of a whole file or folder.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// How serious the problem is: only errors make `workbook check` fail.
    public enum Severity: String, Sendable { case error, warning, note }

    /// The file or folder the problem is in, as printed: `book/02-locks.md`.
    public var file: String
    /// The line, counted from 1; `nil` when the problem is the whole file or folder.
    public var line: Int?
    /// How serious the problem is.
    public var severity: Severity
    /// What is wrong, in words, with the fix where one is known.
    public var message: String

    /// A problem in `file`, at `line` when it has one; an error unless
    /// `severity` says otherwise.
    public init(_ file: String, _ line: Int?, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    /// The problem as compilers print one: `file:line: severity: message`.
    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)"
    }
}
