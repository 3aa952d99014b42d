import Foundation

/// Lines in order; `...` stands for any run of lines.
struct ExactMatcher {
    let expected: [ExpectedLine]
    let actual: [String]

    func mismatch() -> String? {
        var memo: [Int: Bool] = [:]
        if matches(0, 0, &memo) { return nil }
        let limit = min(expected.count, actual.count)
        if !expected.contains(where: { if case .anyLines = $0 { true } else { false } }) {
            for index in 0..<limit where !expected[index].matches(actual[index]) {
                return "line \(index + 1): expected `\(expected[index].text)`, got `\(actual[index])`"
            }
            if expected.count > actual.count {
                return "output ended after \(actual.count) lines; expected `\(expected[actual.count].text)` next"
            }
            return "unexpected extra output from line \(expected.count + 1): `\(actual[expected.count])`"
        }
        return "the output does not match the expected lines (with `...`): got\n" + actual.joined(separator: "\n")
    }

    private func matches(_ e: Int, _ a: Int, _ memo: inout [Int: Bool]) -> Bool {
        let key = e * (actual.count + 1) + a
        if let known = memo[key] { return known }
        let result: Bool
        if e == expected.count {
            result = a == actual.count
        } else if case .anyLines = expected[e] {
            result = matches(e + 1, a, &memo) || (a < actual.count && matches(e, a + 1, &memo))
        } else {
            result = a < actual.count && expected[e].matches(actual[a]) && matches(e + 1, a + 1, &memo)
        }
        memo[key] = result
        return result
    }
}

/// Same lines in any order; each expected line claims a different output line.
struct MultisetMatcher {
    let expected: [ExpectedLine]
    let actual: [String]

    func mismatch() -> String? {
        // Bipartite matching by augmenting paths: small inputs, exact answer.
        var owner = [Int?](repeating: nil, count: actual.count)
        var unmatched: [Int] = []
        for e in expected.indices {
            var seen = [Bool](repeating: false, count: actual.count)
            if !augment(e, &owner, &seen) { unmatched.append(e) }
        }
        let extra = actual.indices.filter { owner[$0] == nil }.map { actual[$0] }
        if unmatched.isEmpty && extra.isEmpty { return nil }
        var parts: [String] = []
        if !unmatched.isEmpty {
            parts.append("missing (in any order): " + unmatched.map { "`\(expected[$0].text)`" }.joined(separator: ", "))
        }
        if !extra.isEmpty {
            parts.append("unexpected: " + extra.map { "`\($0)`" }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    private func augment(_ e: Int, _ owner: inout [Int?], _ seen: inout [Bool]) -> Bool {
        for a in actual.indices where !seen[a] && expected[e].matches(actual[a]) {
            seen[a] = true
            if owner[a] == nil || augment(owner[a]!, &owner, &seen) {
                owner[a] = e
                return true
            }
        }
        return false
    }
}

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
