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
