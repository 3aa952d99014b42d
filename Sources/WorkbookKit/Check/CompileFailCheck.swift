import Foundation

/// Judges a `compile-fail` block: it must be rejected, with the named error.
enum CompileFailCheck {
    static func problem(_ block: CodeBlock, expected: String, outcome: ExampleCompiler.Outcome) -> Diagnostic? {
        if outcome.succeeded {
            return Diagnostic(
                block.lessonPath, block.fenceLine, "expected a compile error containing \"\(expected)\", but the block compiled")
        }
        let errors = CompilerDiagnostics.errorLines(in: outcome.compilerOutput)
        if errors.contains(where: { $0.contains(expected) }) { return nil }
        let seen = errors.prefix(3).map { "    | " + $0 }.joined(separator: "\n")
        return Diagnostic(
            block.lessonPath, block.fenceLine,
            "the block failed to compile, but with no error containing \"\(expected)\"; errors were:\n\(seen)")
    }
}
