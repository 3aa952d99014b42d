import Foundation

/// A data race, as ThreadSanitizer itself reported it: through its own
/// report files (`log_path`) and its exit status, never through text the
/// code under test prints.
struct RaceReport {
    /// The head of the report, paths shortened.
    var excerpt: String

    /// The exit status ThreadSanitizer's lane asks for on a report.
    static let exitStatus: Int32 = 66

    /// The report left in `folder` (files `race.<pid>`), if the run had one.
    static func read(in folder: URL, status: ProcessOutcome.Ending) -> RaceReport? {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix("race.") }
        let text = names.sorted().compactMap { name -> String? in
            let (text, _) = ProcessRunner.readCapped(folder.appending(path: name), cap: 64 << 10)
            return text
        }.joined(separator: "\n")
        guard !names.isEmpty || status == .exited(exitStatus) else { return nil }
        let lines = text.split(separator: "\n").map(String.init)
        guard let start = lines.firstIndex(where: { $0.contains("WARNING: ThreadSanitizer") }) else {
            return RaceReport(excerpt: "    (ThreadSanitizer ended the process; its report could not be read)")
        }
        let excerpt = lines[start...].prefix(14).map { "    " + CrashMessage.withoutPaths($0) }.joined(separator: "\n")
        return RaceReport(excerpt: excerpt)
    }
}
