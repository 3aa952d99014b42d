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
