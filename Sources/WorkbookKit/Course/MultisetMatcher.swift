import Foundation

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
