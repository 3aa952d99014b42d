/// One problem found in the course, located in a file and, where it has
/// one, a line.
///
/// Printed as `book/02-locks.md:57: error: message`, the form compilers and
/// editors understand, or `Tests/Mutants/Lock: error: message` for a
/// problem of a whole file or folder.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var file: String
    /// The line, counted from 1; `nil` when the problem is the whole file or folder.
    public var line: Int?
    public var severity: Severity
    public var message: String

    public init(_ file: String, _ line: Int?, _ message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(severity.rawValue): \(message)"
    }
}
