import Foundation

/// Same lines; lines that share a first word (a thread's name) keep their order.
struct PerThreadMatcher {
    let expected: [ExpectedLine]
    let actual: [String]

    static func key(_ line: String) -> String {
        let word = line.prefix { $0 != " " && $0 != ":" }
        return String(word)
    }

    /// A pattern line's key is its leading word, which must be plain text
    /// (`/worker-1 took .*/`); `nil` when it is not.
    static func key(_ line: ExpectedLine) -> String? {
        switch line {
        case .literal(let text): return key(text)
        case .pattern(_, let source):
            let word = key(String(source.dropFirst()))
            let special = CharacterSet(charactersIn: "\\^$.|?*+()[]{}/")
            return word.unicodeScalars.contains(where: special.contains) ? nil : word
        case .anyLines, .invalid: return nil
        }
    }

    func mismatch() -> String? {
        if let problem = MultisetMatcher(expected: expected, actual: actual).mismatch() { return problem }
        var expectedByKey: [String: [ExpectedLine]] = [:]
        for line in expected { expectedByKey[Self.key(line) ?? "", default: []].append(line) }
        var actualByKey: [String: [String]] = [:]
        for line in actual { actualByKey[Self.key(line), default: []].append(line) }
        for key in expectedByKey.keys.sorted() {
            let want = expectedByKey[key] ?? []
            let got = actualByKey[key] ?? []
            if let problem = ExactMatcher(expected: want, actual: got).mismatch() {
                return "lines starting with `\(key)` are out of order: \(problem)"
            }
        }
        return nil
    }
}
