import Foundation

/// Compiles example units with one compiler per core and a content-addressed
/// cache: a unit whose source and flags are unchanged since a successful
/// compile is not compiled again.
///
/// Separate `swiftc` processes, two at a time, beat one SwiftPM package with
/// a target per block: SwiftPM adds a module-emitting job and a link step per
/// target and its own planning, which cost more than they save for ~50 tiny
/// programs.
struct ExampleCompiler {
    struct Outcome: Sendable {
        /// The compiled program (or object file) when compiling succeeded.
        var artifact: URL?
        var compilerOutput: String
        var succeeded: Bool
    }

    let root: URL
    let cache: URL

    /// Compiles every unit, one compiler per core, each waiting on its own
    /// thread (compilers are child processes: blocking work).
    func compile(_ units: [ExampleUnit], log: @escaping @Sendable (String) -> Void) -> [Outcome] {
        let root = root
        let cache = cache
        let jobs: [@Sendable () -> Outcome] = units.map { unit in { Self.compile(unit, root: root, cache: cache, log: log) } }
        return (try? runConcurrently(jobs, atMost: ProcessInfo.processInfo.activeProcessorCount))
            ?? units.map { _ in Outcome(artifact: nil, compilerOutput: "", succeeded: false) }
    }

    private static func compile(_ unit: ExampleUnit, root: URL, cache: URL, log: @Sendable (String) -> Void) -> Outcome {
        let source = unit.source(root: root)
        let arguments = unit.compilerArguments(output: URL(filePath: "ARTIFACT"))
        let key = Fingerprint.of(([Toolchain.swiftc] + arguments + [source]).joined(separator: "\u{0}"))
        let folder = cache.appending(path: key)
        let artifact = folder.appending(path: "artifact")
        let done = folder.appending(path: "compiled")
        if !unit.kind.isCompileFail, FileManager.default.fileExists(atPath: done.path) {
            return Outcome(artifact: artifact, compilerOutput: "", succeeded: true)
        }
        let main = folder.appending(path: "main.swift")
        do { try writeIfChanged(source, to: main) } catch {
            return Outcome(artifact: nil, compilerOutput: "cannot write \(main.path): \(error)", succeeded: false)
        }
        log("compiling \(unit.block.lessonPath):\(unit.block.fenceLine)")
        let outcome = ProcessRunner.run(
            Toolchain.swiftc, [main.path] + unit.compilerArguments(output: artifact),
            in: folder, timeout: 300, outputCap: 1 << 20)
        let succeeded = outcome.ending == .exited(0)
        if succeeded && !unit.kind.isCompileFail { FileManager.default.createFile(atPath: done.path, contents: nil) }
        return Outcome(artifact: succeeded ? artifact : nil, compilerOutput: outcome.output, succeeded: succeeded)
    }
}
