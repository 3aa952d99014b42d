/// Errors that stop a command before it can collect diagnostics.
public enum WorkbookError: Error, CustomStringConvertible, Equatable {
    case noBook(path: String)
    case problems([Diagnostic])
    case unknownExercise(String, known: [String])
    /// A program failed: `status` is its exit status, or `nil` when it gave
    /// none (it never started, or was killed).
    case commandFailed(command: String, status: Int32?, output: String)
    case invalidSubmission(path: String, reason: String)
    /// Grading was asked for, and the walls around student code cannot be built here.
    case sandboxUnavailable(missing: [String])
    /// A command was asked for something its inputs cannot give.
    case usage(String)

    /// What went wrong, in words, with the fix where one is known.
    public var description: String {
        switch self {
        case .noBook(let path):
            return "no lessons found: \(path) has no files named NN-topic.md (run from the workbook's root folder)"
        case .problems(let diagnostics):
            return diagnostics.map(\.description).joined(separator: "\n")
        case .unknownExercise(let name, let known):
            return "no exercise named '\(name)'; the exercises are: \(known.joined(separator: ", "))"
        case .commandFailed(let command, let status?, let output):
            return "`\(command)` failed with status \(status):\n\(output)"
        case .commandFailed(let command, nil, let output):
            return "`\(command)` failed: \(output)"
        case .invalidSubmission(let path, let reason):
            return "\(path): \(reason)"
        case .usage(let message):
            return message
        case .sandboxUnavailable(let missing):
            return "cannot grade: the sandbox around student code cannot be built here:\n"
                + missing.map { "  - \($0)" }.joined(separator: "\n")
                + "\nrun as root on a machine with bubblewrap and user namespaces, or pass --unsafe-no-sandbox to grade without it (only for code you trust)"
        }
    }
}
