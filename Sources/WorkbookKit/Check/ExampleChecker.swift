import Foundation

/// Compiles every Swift block of the book and runs the complete programs,
/// comparing what they print with their `output` blocks.
public struct ExampleChecker {
    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var compiled = 0
        public var ran = 0
        public var compileFailChecked = 0
        public var ignored: [Diagnostic] = []
        public var buildSeconds = 0.0
        public var runSeconds = 0.0
    }

    let course: Course
    /// Where the generated packages live (inside `.build`, never committed).
    let workDirectory: URL
    var log: @Sendable (String) -> Void = { _ in }

    public init(course: Course, workDirectory: URL, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.course = course
        self.workDirectory = workDirectory
        self.log = log
    }

    public func check() -> Report {
        var report = Report()
        var plain = ExamplePackage(directory: workDirectory.appending(path: "examples"), root: course.root)
        var sanitized = ExamplePackage(directory: workDirectory.appending(path: "examples-tsan"), root: course.root)
        var compileFails: [CodeBlock] = []
        var programs: [(target: String, block: CodeBlock, run: RunExpectation)] = []

        for lesson in course.lessons {
            let preludes = Dictionary(lesson.codeBlocks.compactMap { block -> (String, CodeBlock)? in
                if case .prelude(let name) = block.role { (name, block) } else { nil }
            }, uniquingKeysWith: { first, _ in first })
            for block in lesson.codeBlocks {
                let name = "L\(String(format: "%02d", lesson.number))_\(block.fenceLine)"
                switch block.role {
                case .program(let run):
                    let target = ExamplePackage.Target(name: name, sources: [block], ranges: [(block.lessonPath, block.lineRange)])
                    if run.threadSanitizer { sanitized.targets.append(target) } else { plain.targets.append(target) }
                    programs.append((name, block, run))
                case .fragment(let context):
                    var sources = [block]
                    if let context {
                        guard let prelude = preludes[context] else {
                            report.diagnostics.append(Diagnostic(block.lessonPath, block.fenceLine,
                                "fragment needs the prelude '\(context)', which this lesson does not define (add a `swift prelude=\(context)` block)"))
                            continue
                        }
                        sources.insert(prelude, at: 0)
                    }
                    plain.targets.append(ExamplePackage.Target(name: name, sources: sources,
                        ranges: sources.map { ($0.lessonPath, $0.lineRange) }))
                case .compileFail:
                    compileFails.append(block)
                case .ignored(let reason):
                    report.ignored.append(Diagnostic(block.lessonPath, block.fenceLine, "ignored: \(reason)", severity: .note))
                case .prelude, .exercise, .output, .other:
                    break
                }
            }
        }

        let start = Date()
        var built = Set<String>()
        for (package, sanitize) in [(plain, false), (sanitized, true)] where !package.targets.isEmpty {
            log("compiling \(package.targets.count) blocks\(sanitize ? " with ThreadSanitizer" : "")")
            let (ok, problems) = build(package, sanitize: sanitize)
            built.formUnion(ok)
            report.diagnostics += problems
        }
        report.compiled = built.count
        log("checking \(compileFails.count) compile-fail blocks")
        report.diagnostics += checkCompileFailures(compileFails)
        report.compileFailChecked = compileFails.count
        report.buildSeconds = Date().timeIntervalSince(start)

        // Two programs at a time (one per core here): every output block must
        // match on a loaded machine anyway, and most programs mostly sleep.
        let runStart = Date()
        let runnable = programs.filter { built.contains($0.target) }
        let problems = Shared([Diagnostic?](repeating: nil, count: runnable.count))
        let directories = (plain: plain.directory, sanitized: sanitized.directory)
        let log = log
        DispatchQueue.concurrentPerform(iterations: runnable.count) { index in
            let program = runnable[index]
            let folder = program.run.threadSanitizer ? directories.sanitized : directories.plain
            let binary = folder.appending(path: ".build/debug/\(program.target)")
            log("running \(program.block.lessonPath):\(program.block.fenceLine)")
            let problem = ProgramRun(block: program.block, run: program.run, binary: binary).problem()
            problems.update { $0[index] = problem }
        }
        report.diagnostics += problems.value.compactMap { $0 }
        report.ran = runnable.count
        report.runSeconds = Date().timeIntervalSince(runStart)
        return report
    }

    /// Builds the package; blocks that fail to compile are reported and
    /// dropped, and the rest are built again, until the build succeeds.
    private func build(_ package: ExamplePackage, sanitize: Bool) -> (built: Set<String>, problems: [Diagnostic]) {
        var included = Set(package.targets.map(\.name))
        var problems: [Diagnostic] = []
        while !included.isEmpty {
            do { try package.write(including: included) } catch {
                return ([], [Diagnostic("book", 0, "cannot write \(package.directory.path): \(error)")])
            }
            var arguments = ["build", "--package-path", package.directory.path]
            if sanitize { arguments += ["--sanitize=thread"] }
            let outcome = ProcessRunner.run(Toolchain.swift, arguments, timeout: 1200, outputCap: 4 << 20)
            if outcome.ending == .exited(0) { return (included, problems) }
            let errors = CompilerDiagnostics.lessonErrors(in: outcome.output, root: course.root)
            let failing = Set(errors.compactMap { package.target(containing: $0.file, line: $0.line)?.name })
                .intersection(included)
            guard !failing.isEmpty else {
                let tail = outcome.output.split(separator: "\n").suffix(15).joined(separator: "\n")
                problems.append(Diagnostic("book", 0, "building the book's examples failed outside any block:\n\(tail)"))
                return ([], problems)
            }
            problems += errors
            included.subtract(failing)
        }
        return (included, problems)
    }

    private func checkCompileFailures(_ blocks: [CodeBlock]) -> [Diagnostic] {
        let results = Shared([Diagnostic?](repeating: nil, count: blocks.count))
        let root = course.root
        let directory = workDirectory.appending(path: "compile-fail")
        DispatchQueue.concurrentPerform(iterations: blocks.count) { index in
            let problem = CompileFailCheck(block: blocks[index], root: root,
                                           directory: directory.appending(path: "\(index)")).problem()
            results.update { $0[index] = problem }
        }
        return results.value.compactMap { $0 }
    }
}

/// Where the toolchain's programs are.
enum Toolchain {
    static var swift: String { executable(named: "swift") }
    static var swiftc: String { executable(named: "swiftc") }

    static func executable(named name: String) -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/\(name)"
    }
}
