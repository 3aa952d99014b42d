/// The `// BEGIN SOLUTION` … `// END SOLUTION` regions of an exercise block
/// (nbgrader's convention), and the two texts made from them.
enum SolutionRegions {
    static let begin = "// BEGIN SOLUTION"
    static let end = "// END SOLUTION"
    static let stubMarker = "// STUB"

    /// The solution: the block with every marker and stub line removed.
    static func solution(of code: String) -> String {
        var output: [String] = []
        var inStub = false
        for line in lines(code) {
            switch marker(line) {
            case .begin: continue
            case .end: inStub = false
            case .stub: inStub = true
            case nil: if !inStub { output.append(line) }
            }
        }
        return output.joined(separator: "\n")
    }

    /// The stub: each region replaced by a `// TODO` line and its stub text.
    static func stub(of code: String, todo: String) -> String {
        var output: [String] = []
        var inRegion = false
        var inStub = false
        for line in lines(code) {
            switch marker(line) {
            case .begin:
                inRegion = true
                output.append(indentation(of: line) + "// TODO: " + todo)
            case .end:
                inRegion = false
                inStub = false
            case .stub:
                inStub = true
            case nil:
                if inStub {
                    output.append(uncommented(line))
                } else if !inRegion {
                    output.append(line)
                }
            }
        }
        return output.joined(separator: "\n")
    }

    /// Unbalanced, nested or misplaced markers, located in the lesson.
    static func problems(in block: CodeBlock) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var openedAt: Int?
        var stubAt: Int?
        for (index, line) in lines(block.code).enumerated() {
            let lineNumber = block.firstCodeLine + index
            func report(_ message: String) { problems.append(Diagnostic(block.lessonPath, lineNumber, message)) }
            switch marker(line) {
            case .begin:
                if let openedAt {
                    report("nested `\(begin)`: the region opened at line \(openedAt) is not closed yet")
                } else {
                    openedAt = lineNumber
                }
            case .end:
                if openedAt == nil { report("`\(end)` without a matching `\(begin)`") }
                openedAt = nil
                stubAt = nil
            case .stub:
                if openedAt == nil { report("`\(stubMarker)` outside a solution region") }
                else if stubAt != nil { report("second `\(stubMarker)` in one solution region") }
                stubAt = lineNumber
            case nil:
                if stubAt != nil && !line.trimmingLeadingSpaces().hasPrefix("//") && !line.allSatisfy(\.isWhitespace) {
                    report("stub lines after `\(stubMarker)` must be comments (`// return false`)")
                }
            }
        }
        if let openedAt {
            problems.append(Diagnostic(block.lessonPath, openedAt, "`\(begin)` is never closed by `\(end)` in this block"))
        }
        return problems
    }

    private enum Marker { case begin, end, stub }

    private static func marker(_ line: String) -> Marker? {
        switch line.trimmingLeadingSpaces().trimmingTrailingSpaces() {
        case begin: return .begin
        case end: return .end
        case stubMarker: return .stub
        default: return nil
        }
    }

    private static func lines(_ code: String) -> [String] {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    private static func indentation(of line: String) -> String {
        String(line.prefix { $0 == " " || $0 == "\t" })
    }

    /// `    // return false` becomes `    return false`.
    private static func uncommented(_ line: String) -> String {
        let indent = indentation(of: line)
        var rest = line.dropFirst(indent.count)
        guard rest.hasPrefix("//") else { return line }
        rest = rest.dropFirst(2)
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        return indent + rest
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " || $0 == "\t" }) }
    func trimmingTrailingSpaces() -> String {
        String(reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
    }
}
