/// The `// BEGIN SOLUTION` … `// END SOLUTION` regions of an exercise block
/// (nbgrader's convention), and the two texts made from them.
enum SolutionRegions {
    static let begin = "// BEGIN SOLUTION"
    static let end = "// END SOLUTION"
    static let stubMarker = "// STUB"

    /// The `// TODO` text that stands for a region in the stub.
    static func todo(lessonPath: String, exercise: String) -> String {
        "your code here (\(lessonPath), exercise \"\(exercise)\")"
    }

    /// What one line of an exercise block is, read once for every use.
    enum Role: Equatable {
        /// Outside every region: in the solution and the stub alike.
        case shared
        case marker(Marker)
        /// Inside a region, before any `// STUB`: the solution only.
        case solution
        /// After a region's `// STUB`: the stub only, written as a comment.
        case stub
    }

    enum Marker { case begin, end, stub }

    /// Each line of `code` with its role (the final empty line dropped).
    static func walk(_ code: String) -> [(text: String, role: Role)] {
        var inRegion = false, inStub = false
        return lines(code).map { line in
            if let marker = marker(line) {
                switch marker {
                case .begin: inRegion = true
                case .end: inRegion = false; inStub = false
                case .stub: inStub = true
                }
                return (line, .marker(marker))
            }
            return (line, inStub ? .stub : inRegion ? .solution : .shared)
        }
    }

    /// The solution: the block with every marker and stub line removed.
    static func solution(of code: String) -> String {
        walk(code).compactMap { $0.role == .shared || $0.role == .solution ? $0.text : nil }.joined(separator: "\n")
    }

    /// The stub: each region replaced by a `// TODO` line and its stub text.
    static func stub(of code: String, todo: String) -> String {
        walk(code).compactMap { line, role in
            switch role {
            case .shared: line
            case .marker(.begin): indentation(of: line) + "// TODO: " + todo
            case .stub: uncommented(line)
            case .marker, .solution: nil
            }
        }.joined(separator: "\n")
    }

    /// The trimmed lines a student must write (a region's solution lines).
    static func solutionLines(of code: String) -> [String] {
        walk(code).compactMap { $0.role == .solution ? $0.text.trimmingCharacters(in: .whitespaces) : nil }
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
                if openedAt == nil {
                    report("`\(stubMarker)` outside a solution region")
                } else if stubAt != nil {
                    report("second `\(stubMarker)` in one solution region")
                }
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
