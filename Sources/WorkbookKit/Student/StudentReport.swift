/// The student's view of grades: the progress list and one exercise's tests.
public struct StudentReport {
    /// How much decoration the text may carry.
    public var style: TerminalStyle
    /// How the student runs the tool, shown in every suggested command.
    public var command: String

    /// A report in `style` that suggests commands starting with `command`.
    public init(style: TerminalStyle, command: String = "swift run workbook") {
        self.style = style
        self.command = command
    }

    /// Every exercise with its state, then what to do next.
    public func progress(_ rows: [ExerciseProgress]) -> String {
        let passing = rows.filter(\.state.isPassing).count
        var lines = [style.paint("Swift Threading Workbook: \(passing) of \(rows.count) exercises pass", .bold), ""]
        let width = rows.map(\.exercise.name.count).max() ?? 0
        for row in rows {
            let name = row.exercise.name.padding(toLength: width, withPad: " ", startingAt: 0)
            switch row.state {
            case .passing:
                lines.append("  \(style.mark(passed: true)) \(name)  passing")
            case .notStarted:
                lines.append("  \(style.notStartedMark) \(name)  not started")
            case .failing(let problem):
                lines.append("  \(style.mark(problem.status)) \(name)  \(describe(problem.status)): \(problem.property)")
                let indent = String(repeating: " ", count: width + 6)
                if !problem.message.isEmpty { lines.append(indent + style.paint(problem.message, .dim)) }
                if let section = problem.section { lines.append(indent + "read \(section)") }
            }
        }
        lines.append("")
        lines += next(rows)
        return lines.joined(separator: "\n")
    }

    /// What to do next: the first exercise that does not pass.
    func next(_ rows: [ExerciseProgress]) -> [String] {
        guard let next = rows.next else {
            return [
                style.paint("Every exercise passes. Well done!", .green),
                "Grade the whole workbook as your instructor will: \(command) grade .",
            ]
        }
        let exercise = next.exercise
        var lines = ["\(style.nextMark)\(style.paint("Next: \(exercise.name)", .bold)) (\(exercise.lesson.title), \(exercise.lesson.path))"]
        if case .failing(let problem) = next.state, let section = problem.section {
            lines.append("  read   \(section)")
        } else {
            lines.append("  read   \(exercise.lesson.path)")
        }
        lines.append("  open   \(exercise.exercisePaths.joined(separator: ", "))")
        lines.append("  test   \(command) test \(exercise.name)    (or `\(command) watch` to re-test on every save)")
        lines.append("  stuck? \(command) hint \(exercise.name)")
        return lines
    }

    /// One exercise's tests: a mark, the property, and for each failure its
    /// message and the section to read.
    public func testReport(_ result: ExerciseResult, exercise: Exercise) -> String {
        let passed = result.passedCount
        var lines = [style.paint("\(exercise.name) (\(exercise.lesson.path)): \(passed) of \(result.tests.count) tests pass", .bold)]
        if !result.compileErrors.isEmpty {
            lines.append("  \(style.mark(.didNotCompile)) your code does not compile:")
            for error in result.compileErrors.prefix(8) {
                lines.append("      " + locate(error, in: exercise))
            }
            lines.append("  (every test of \(exercise.name) needs it to compile; the compiler's first error is usually the one to fix)")
            return lines.joined(separator: "\n")
        }
        for test in result.tests {
            let status = test.status == .passed || test.status == .failed ? "" : " (\(test.status.rawValue))"
            lines.append("  \(style.mark(test.status)) \(test.name)\(status)")
            guard test.status != .passed else { continue }
            let message = test.message.split(separator: "\n", omittingEmptySubsequences: true)
                .drop { $0 == "Issue recorded" }.prefix(10)
            for line in message { lines.append("      " + style.paint(String(line), .dim)) }
            if let section = test.section { lines.append("      read \(section.bookPath)") }
        }
        for note in result.notes { lines.append("  note: \(note)") }
        lines.append("")
        if result.verdict == .passed {
            lines.append(style.paint("\(exercise.name) passes.", .green) + " See what is next: \(command)")
        } else {
            lines.append(
                "Fix the first failure, then run `\(command) test \(exercise.name)` again; `\(command) hint \(exercise.name)` gives a hint."
            )
        }
        return lines.joined(separator: "\n")
    }

    /// `Lock.swift:12:5: error: …` → `Exercises/Lock/Lock.swift:12:5: error: …`, a path editors open.
    func locate(_ error: String, in exercise: Exercise) -> String {
        for file in exercise.files where error.hasPrefix(file.name + ":") {
            return "\(exercise.exerciseDirectory)/\(error)"
        }
        return error
    }

    func describe(_ status: TestResult.Status) -> String {
        switch status {
        case .failed: return "failing"
        case .didNotCompile: return "does not compile"
        default: return "failing (\(status.rawValue))"
        }
    }
}
