import Foundation

/// Compiler output turned into lesson diagnostics.
enum CompilerDiagnostics {
    /// Errors located in lesson files: `/abs/book/02-locks.md:57:5: error: …`
    /// becomes `book/02-locks.md:57: error: …`. Duplicates are dropped.
    static func lessonErrors(in output: String, root: URL) -> [Diagnostic] {
        let prefix = root.standardizedFileURL.path + "/"
        var seen = Set<String>()
        var diagnostics: [Diagnostic] = []
        for line in output.split(separator: "\n") {
            guard let match = line.firstMatch(of: /^(\/[^:]+\.md):([0-9]+):[0-9]+: error: (.*)$/) else { continue }
            var path = String(match.1)
            if path.hasPrefix(prefix) { path.removeFirst(prefix.count) }
            let diagnostic = Diagnostic(path, Int(match.2) ?? 0, String(match.3))
            if seen.insert(diagnostic.description).inserted { diagnostics.append(diagnostic) }
        }
        return diagnostics
    }

    /// The lines of the compiler's output that are errors, for messages.
    static func errorLines(in output: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { $0.contains("error:") }
    }
}
