/// One line of an expected-output block.
enum ExpectedLine {
    case literal(String)
    case pattern(Regex<AnyRegexOutput>, source: String)
    case anyLines
    case invalid(String)

    init(_ line: String) {
        if line == "..." {
            self = .anyLines
        } else if line.count >= 2, line.hasPrefix("/"), line.hasSuffix("/") {
            let source = String(line.dropFirst().dropLast())
            do {
                self = .pattern(try Regex(source), source: line)
            } catch {
                self = .invalid("invalid regular expression \(line): \(error)")
            }
        } else {
            self = .literal(line)
        }
    }

    func matches(_ line: String) -> Bool {
        switch self {
        case .literal(let text): return text == line
        case .pattern(let regex, _): return (try? regex.wholeMatch(in: line)) != nil
        case .anyLines: return true
        case .invalid: return false
        }
    }

    var text: String {
        switch self {
        case .literal(let text): return text
        case .pattern(_, let source): return source
        case .anyLines: return "..."
        case .invalid(let message): return message
        }
    }
}
