import Foundation

/// The lessons as students may read them: every exercise block's code
/// replaced by its stub (``SolutionRegions/stub(of:todo:)``), so no solution
/// region survives, while the block keeps its info string and the lesson
/// still defines the same exercises with the same stubs.
enum ReleaseBook {
    /// The lesson's Markdown with its exercise blocks stubbed.
    /// - Throws: when a block's code is not found where the reader said it
    ///   is (an indented fence, say): releasing it could leak the solution.
    static func studentText(of lesson: Lesson, source: String) throws -> String {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let exercises = lesson.codeBlocks.filter { if case .exercise = $0.role { true } else { false } }
        // From the last block up, so earlier line numbers stay right.
        for block in exercises.reversed() {
            let code = codeLines(block.code)
            let start = block.firstCodeLine - 1
            guard start >= 0, start + code.count <= lines.count,
                Array(lines[start..<start + code.count]) == code
            else {
                throw WorkbookError.problems([
                    Diagnostic(
                        lesson.path, block.fenceLine,
                        "cannot find this exercise block's code in the lesson text; not releasing a book that could hold its solution")
                ])
            }
            guard case .exercise(let name, _) = block.role else { continue }
            let todo = SolutionRegions.todo(lessonPath: lesson.path, exercise: name)
            lines.replaceSubrange(start..<start + code.count, with: codeLines(SolutionRegions.stub(of: block.code, todo: todo)))
        }
        return lines.joined(separator: "\n")
    }

    private static func codeLines(_ code: String) -> [String] {
        var lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
