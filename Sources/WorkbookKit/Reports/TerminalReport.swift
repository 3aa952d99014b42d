/// The grade as a table for a terminal, with the first problem of each
/// exercise and the lesson section that teaches it.
public enum TerminalReport {
    /// The table for `result`: the score, a row per exercise, then the first
    /// problem of each started exercise and the notices.
    public static func text(_ result: SubmissionResult) -> String {
        var lines = [
            "\(result.submission): \(format(result.score)) / \(format(result.maxScore)) points (\(String(format: "%.1f", result.seconds)) s)"
        ]
        let rows = result.exercises.map { exercise in
            [
                exercise.exercise, "\(exercise.passedCount)/\(exercise.tests.count)",
                "\(format(exercise.points))/\(format(exercise.maxPoints))", exercise.verdict.rawValue,
            ]
        }
        let header = ["exercise", "tests", "points", "verdict"]
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func row(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
        }
        lines.append("  " + row(header))
        lines += rows.map { "  " + row($0) }
        // A not-started exercise is the stub: its failures say nothing new.
        for exercise in result.exercises where exercise.verdict != .notStarted {
            if let error = exercise.compileErrors.first {
                lines.append("  \(exercise.exercise): did not compile: \(error)")
            } else if let problem = exercise.firstProblem {
                var line = "  \(exercise.exercise): \(problem.status.rawValue): \(problem.name)"
                if let first = problem.message.split(separator: "\n").first { line += " — \(first)" }
                if let section = problem.section { line += "\n    read \(section.bookPath)" }
                lines.append(line)
            }
        }
        lines += result.notices.map { "  " + $0 }
        return lines.joined(separator: "\n")
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }
}

import Foundation
