// Hostile fixture (writing): plant a failing test into every Tests folder it
// can find, so that every later student loses points; then crash.
import Foundation

let planted = """
import Testing
@Test func plantedByAStudent() { #expect(Bool(false)) }
"""

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    var candidates = ["/workspace/Tests/ThreadsTests", "/workspace/Tests/LockTests", "/tmp"]
    if let walker = FileManager.default.enumerator(atPath: "/") {
        var visited = 0
        while let relative = walker.nextObject() as? String, visited < 20_000 {
            visited += 1
            if ["proc", "sys", "dev", "usr", "opt", "workspace/.build"].contains(where: relative.hasPrefix) { walker.skipDescendants(); continue }
            if relative.hasSuffix("Tests/ThreadsTests") { candidates.append("/" + relative) }
        }
    }
    var written: [String] = []
    for folder in candidates {
        let path = folder + "/PlantedByAStudent.swift"
        if (try? planted.write(toFile: path, atomically: false, encoding: .utf8)) != nil { written.append(path) }
    }
    fatalError("planted into: \(written)")
}
