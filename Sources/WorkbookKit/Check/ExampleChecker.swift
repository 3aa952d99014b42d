import Foundation

/// Compiles every Swift block of the book and runs the complete programs,
/// comparing what they print with their `output` blocks.
public struct ExampleChecker {
    /// What the examples check found, and its figures.
    public struct Report: Sendable {
        /// Every problem found with a block of the book.
        public var diagnostics: [Diagnostic] = []
        /// How many blocks compiled (compile-fail blocks not counted).
        public var compiled = 0
        /// How many programs were run.
        public var ran = 0
        /// How many compile-fail blocks were checked against their expected error.
        public var compileFailChecked = 0
        /// A note for each block marked `ignore`, with its reason.
        public var ignored: [Diagnostic] = []
        /// Wall-clock seconds spent compiling.
        public var buildSeconds = 0.0
        /// Wall-clock seconds spent running the programs.
        public var runSeconds = 0.0
    }

    let course: Course
    /// Where the generated packages live (inside `.build`, never committed).
    let workDirectory: URL
    var log: @Sendable (String) -> Void = { _ in }

    /// A checker of `course` that builds in `workDirectory` and reports its
    /// progress to `log`.
    public init(course: Course, workDirectory: URL, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.course = course
        self.workDirectory = workDirectory
        self.log = log
    }

    /// Compiles every block it checks (a fragment after its prelude), then
    /// runs the programs, one per processor at a time, comparing how they end
    /// and what they print with what the lesson expects.
    public func check() -> Report {
        var report = Report()
        var units: [ExampleUnit] = []
        for lesson in course.lessons {
            let preludes = Dictionary(
                lesson.codeBlocks.compactMap { block -> (String, CodeBlock)? in
                    if case .prelude(let name) = block.role { (name, block) } else { nil }
                }, uniquingKeysWith: { first, _ in first })
            for block in lesson.codeBlocks {
                switch block.role {
                case .program(let run):
                    units.append(ExampleUnit(kind: .program(run), blocks: [block]))
                case .fragment(let context):
                    guard let context else {
                        units.append(ExampleUnit(kind: .fragment, blocks: [block]))
                        continue
                    }
                    guard let prelude = preludes[context] else {
                        report.diagnostics.append(
                            Diagnostic(
                                block.lessonPath, block.fenceLine,
                                "fragment needs the prelude '\(context)', which this lesson does not define (add a `swift prelude=\(context)` block)"
                            ))
                        continue
                    }
                    units.append(ExampleUnit(kind: .fragment, blocks: [prelude, block]))
                case .compileFail(let expected):
                    units.append(ExampleUnit(kind: .compileFail(expected: expected), blocks: [block]))
                case .ignored(let reason):
                    report.ignored.append(Diagnostic(block.lessonPath, block.fenceLine, "ignored: \(reason)", severity: .note))
                case .prelude, .exercise, .output, .other:
                    break
                }
            }
        }

        let start = Date()
        log("compiling \(units.count) blocks")
        let compiler = ExampleCompiler(root: course.root, cache: workDirectory.appending(path: "examples"))
        let outcomes = compiler.compile(units, log: log)
        var programs: [(unit: ExampleUnit, binary: URL)] = []
        for (unit, outcome) in zip(units, outcomes) {
            if case .compileFail(let expected) = unit.kind {
                report.compileFailChecked += 1
                if let problem = CompileFailCheck.problem(unit.block, expected: expected, outcome: outcome) {
                    report.diagnostics.append(problem)
                }
                continue
            }
            guard outcome.succeeded, let artifact = outcome.artifact else {
                report.diagnostics += compileProblems(unit, outcome)
                continue
            }
            report.compiled += 1
            if case .program = unit.kind { programs.append((unit, artifact)) }
        }
        report.buildSeconds = Date().timeIntervalSince(start)

        // Two programs at a time (one per core here): every output block must
        // match on a loaded machine anyway, and most programs mostly sleep.
        let runStart = Date()
        let log = log
        let jobs: [@Sendable () -> Diagnostic?] = programs.map { unit, binary in
            {
                guard case .program(let run) = unit.kind else { return nil }
                log("running \(unit.block.lessonPath):\(unit.block.fenceLine)")
                return ProgramRun(block: unit.block, run: run, binary: binary).problem()
            }
        }
        report.diagnostics += ((try? runConcurrently(jobs, atMost: ProcessInfo.processInfo.activeProcessorCount)) ?? []).compactMap { $0 }
        report.ran = programs.count
        report.runSeconds = Date().timeIntervalSince(runStart)
        return report
    }

    /// The compiler's errors, located in the lesson; the raw errors if none
    /// could be located.
    private func compileProblems(_ unit: ExampleUnit, _ outcome: ExampleCompiler.Outcome) -> [Diagnostic] {
        let located = CompilerDiagnostics.lessonErrors(in: outcome.compilerOutput, root: course.root)
        if !located.isEmpty { return located }
        let errors = CompilerDiagnostics.errorLines(in: outcome.compilerOutput).prefix(3)
        let detail =
            errors.isEmpty
            ? outcome.compilerOutput.split(separator: "\n").suffix(5).joined(separator: "\n") : errors.joined(separator: "\n")
        return [Diagnostic(unit.block.lessonPath, unit.block.fenceLine, "the block does not compile:\n\(detail)")]
    }
}
