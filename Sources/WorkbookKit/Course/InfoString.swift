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
