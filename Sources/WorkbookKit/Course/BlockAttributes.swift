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

/// How a program block must end.
public struct RunExpectation: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        case exit(Int32)
        /// Still running at the time limit (a deadlock shown on purpose).
        case hang
    }

    public var ending: Ending = .exit(0)
    public var threadSanitizer = false
    public var timeout: Double = 10

    public static let defaultHangTimeout: Double = 2
}

/// Splits an info string into words, keeping double-quoted values together.
///
/// `swift compile-fail="is not concurrency-safe" timeout=3` becomes
/// `["swift", ("compile-fail", "is not concurrency-safe"), ("timeout", "3")]`.
struct InfoString {
    struct Attribute: Equatable {
        var name: String
        var value: String?
    }

    var language: String
    var attributes: [Attribute]

    init(_ info: String) throws(AttributeError) {
        var words: [String] = []
        var current = ""
        var inQuotes = false
        var sawAnything = false
        for character in info {
            if character == "\"" {
                inQuotes.toggle()
                sawAnything = true
            } else if character.isWhitespace && !inQuotes {
                if sawAnything { words.append(current) }
                current = ""
                sawAnything = false
            } else {
                current.append(character)
                sawAnything = true
            }
        }
        if inQuotes { throw .unterminatedQuote }
        if sawAnything { words.append(current) }
        language = words.first ?? ""
        attributes = words.dropFirst().map { word in
            guard let equals = word.firstIndex(of: "=") else { return Attribute(name: word, value: nil) }
            return Attribute(name: String(word[..<equals]), value: String(word[word.index(after: equals)...]))
        }
    }
}

/// A mistake in a block's info string.
enum AttributeError: Error, Equatable, CustomStringConvertible {
    case unterminatedQuote
    case unknown(String, known: [String])
    case needsValue(String, example: String)
    case takesNoValue(String)
    case invalidValue(String, String, expected: String)
    case conflicting(String, String)
    case requires(String, String)
    case repeated(String)

    var description: String {
        switch self {
        case .unterminatedQuote:
            return "unterminated quote in the info string"
        case .unknown(let name, let known):
            return "unknown attribute '\(name)' (known: \(known.joined(separator: ", ")))"
        case .needsValue(let name, let example):
            return "attribute '\(name)' needs a value, as in \(example)"
        case .takesNoValue(let name):
            return "attribute '\(name)' takes no value"
        case .invalidValue(let name, let value, let expected):
            return "attribute '\(name)' has value '\(value)'; expected \(expected)"
        case .conflicting(let first, let second):
            return "attributes '\(first)' and '\(second)' cannot be combined"
        case .requires(let name, let other):
            return "attribute '\(name)' requires '\(other)'"
        case .repeated(let name):
            return "attribute '\(name)' is given twice"
        }
    }
}
