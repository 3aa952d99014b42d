/// What a fenced block is for, read from its info string.
public enum BlockRole: Sendable, Equatable {
    /// A complete program, compiled and run.
    case program(RunExpectation)
    /// Must be rejected by the compiler with an error containing the text.
    case compileFail(diagnostic: String)
    /// Hidden declarations that fragments of the same name compile with.
    case prelude(name: String)
    /// Type-checked only, after the named prelude (if any).
    case fragment(context: String?)
    /// Part of an exercise's source file.
    case exercise(name: String, file: String)
    /// Deliberately not checked.
    case ignored(reason: String)
    /// The expected output of the program before it.
    case output(OutputExpectation.Mode, lines: [String])
    /// A block in another language: shown, never checked.
    case other(language: String)
}
