import Foundation

/// Builds one submission's grading workspace, replacing every exercise that
/// cannot take part (it does not compile, or its objects reach outside its
/// module) by its stub, so that the others are still graded.
struct WorkspaceBuilder {
    let grader: Grader
    let workspace: GradingWorkspace
    let users: SandboxUsers
    let stubs: [String: [String: String]]

    /// Builds `sources`; exercises that break the build are swapped for
    /// their stubs in `sources` and returned with their errors; those whose
    /// objects define foreign symbols are added to `refused`.
    ///
    /// A failure that names no exercise (a link error, a build past its time
    /// limit) is traced by building each student exercise alone.
    /// - Throws: only when the course's own code does not build.
    mutating func build(
        _ sources: inout [String: [String: String]], refused: inout [String: [String]],
        studentExercises: Set<String>
    ) throws -> [String: [String]] {
        var broken: [String: [String]] = [:]
        var traced = false
        while true {
            let suspects = studentExercises.subtracting(broken.keys).subtracting(refused.keys)
            // With no student exercise left in it, the build would only
            // rebuild the suites around stubs, which the engine already runs.
            if suspects.isEmpty && (!broken.isEmpty || !refused.isEmpty) { return broken }
            try workspace.install(sources)
            grader.log("building")
            switch workspace.build(sandbox: grader.sandbox, user: users.builder, timeout: grader.policy.secondsPerBuild) {
            case .built:
                let foreign = symbolProblems(suspects, sources: sources)
                guard !foreign.isEmpty else { return broken }
                for (name, problems) in foreign {
                    refused[name] = problems
                    sources[name] = stubs[name]
                }
            case .failed(let output):
                let failing = workspace.exercisesWithErrors(in: output).filter { suspects.contains($0.key) }
                if !failing.isEmpty {
                    for (name, errors) in failing {
                        broken[name] = errors
                        sources[name] = stubs[name]
                    }
                } else if suspects.count == 1, let name = suspects.first {
                    // Alone among stubs it is what broke the build: building
                    // it alone again would only repeat this failure.
                    broken[name] = Self.problem(in: output)
                    sources[name] = stubs[name]
                } else if !traced && !suspects.isEmpty {
                    traced = true
                    try trace(suspects, &sources, &broken)
                } else {
                    throw WorkbookError.commandFailed(
                        command: "swift build --build-tests (grading workspace)", status: 1,
                        output: String(CrashMessage.withoutPaths(output).suffix(3000)))
                }
            case .timedOut(let seconds):
                guard !traced && !suspects.isEmpty else {
                    throw WorkbookError.commandFailed(
                        command: "swift build --build-tests (grading workspace)", status: 1,
                        output: "the course's own code took longer than \(Int(seconds)) s to build")
                }
                traced = true
                try trace(suspects, &sources, &broken)
            }
        }
    }

    /// Builds each suspect alone among stubs; those that fail are broken.
    private func trace(
        _ suspects: Set<String>, _ sources: inout [String: [String: String]],
        _ broken: inout [String: [String]]
    ) throws {
        for name in suspects.sorted() {
            var alone = stubs
            alone[name] = sources[name]
            try workspace.install(alone)
            grader.log("building \(name) alone")
            let problem: [String]
            switch workspace.build(sandbox: grader.sandbox, user: users.builder, timeout: grader.policy.secondsPerBuild) {
            case .built: continue
            case .failed(let output):
                problem = Self.problem(in: output)
            case .timedOut(let seconds):
                problem = ["the build took longer than \(Int(seconds)) s (an expression the type checker cannot finish?)"]
            }
            broken[name] = problem
            sources[name] = stubs[name]
        }
    }

    /// A failed build's first errors, or its last lines when it names none.
    private static func problem(in output: String) -> [String] {
        let errors = CompilerDiagnostics.errorLines(in: output).map(CrashMessage.withoutPaths)
        return errors.isEmpty ? ["the build failed: " + CrashMessage.withoutPaths(String(output.suffix(500)))] : Array(errors.prefix(3))
    }

    /// Student modules whose objects define symbols of other modules.
    private func symbolProblems(_ names: Set<String>, sources: [String: [String: String]]) -> [String: [String]] {
        var found: [String: [String]] = [:]
        let buildFolder = workspace.directory.appending(path: ".build/debug")
        for exercise in workspace.exercises where names.contains(exercise.name) {
            let files = Array((sources[exercise.name] ?? [:]).keys)
            let problems = SymbolCheck.problems(module: exercise.exerciseModule, sources: files, buildFolder: buildFolder)
            if !problems.isEmpty { found[exercise.name] = problems.map { "forbidden construct: the compiled exercise \($0)" } }
        }
        return found
    }
}
