import Foundation

/// What a crashed test process said about its crash, fit for a student:
/// the runtime's own message (`fatalError`, `precondition`, a trap), with
/// no absolute path of the grading machine in it.
enum CrashMessage {
    static let markers = [
        "Fatal error", "Precondition failed", "Assertion failed", "Illegal instruction",
        "Segmentation fault", "Recursive call", "Simultaneous accesses", "Thread 1 crashed",
    ]

    /// The first line of `output` that carries one of the runtime's crash
    /// messages, paths shortened; `nil` when there is none.
    static func from(_ output: String) -> String? {
        let line = output.split(separator: "\n").first { line in markers.contains { line.contains($0) } }
        return line.map { withoutPaths(String($0)).prefix(400).description }
    }

    /// `text` with every absolute path cut to its last component.
    static func withoutPaths(_ text: String) -> String {
        text.replacing(/\/(?:[A-Za-z0-9_.+@-]+\/)+/, with: "")
    }
}
