import Foundation

/// Runs one example program and judges its ending and output.
struct ProgramRun {
    let block: CodeBlock
    let run: RunExpectation
    let binary: URL

    func problem() -> Diagnostic? {
        let outcome = ProcessRunner.run(binary.path, timeout: run.timeout, outputCap: 256 << 10)
        func fail(_ message: String) -> Diagnostic {
            Diagnostic(block.lessonPath, block.fenceLine, message + Self.excerpt(outcome.output))
        }
        switch (run.ending, outcome.ending) {
        case (.hang, .timedOut):
            break
        case (.hang, _):
            return fail(
                "expected the program to hang (it is marked `hangs`), but it ended with \(describe(outcome)) after \(String(format: "%.2f", outcome.seconds)) s"
            )
        case (.exit, .timedOut):
            return fail(
                "the program was still running after \(format(run.timeout)) s and was killed (raise `timeout=`, or mark a deliberate deadlock `hangs`)"
            )
        case (.exit(let expected), _):
            if outcome.shellStatus != expected {
                return fail("expected exit status \(expected), got \(describe(outcome))")
            }
        }
        if let expected = block.expectedOutput, let difference = expected.mismatch(in: outcome.output) {
            return Diagnostic(
                block.lessonPath, block.fenceLine,
                "output does not match the `output\(expected.mode == .exact ? "" : " " + expected.mode.rawValue)` block: \(difference)")
        }
        return nil
    }

    private func describe(_ outcome: ProcessOutcome) -> String {
        switch outcome.ending {
        case .exited(let status): return "exit status \(status)"
        case .signaled(let signal): return "signal \(signal) (status \(128 + signal))"
        case .timedOut, .stopped: return "a time-out"
        }
    }

    private func format(_ seconds: Double) -> String { String(format: "%g", seconds) }

    static func excerpt(_ output: String) -> String {
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).prefix(12)
        guard !output.isEmpty else { return "" }
        return "\n    output was:\n" + lines.map { "    | " + $0 }.joined(separator: "\n")
    }
}
