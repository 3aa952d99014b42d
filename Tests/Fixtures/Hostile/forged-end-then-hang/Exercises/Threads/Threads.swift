// Hostile fixture (stream): write a testEnded for every test of the run, with
// the exact IDs the stream uses, then block forever. Honestly, every test hangs.
import Foundation

func commandLine() -> [String] {
    let data = FileManager.default.contents(atPath: "/proc/self/cmdline") ?? Data()
    return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
}

/// `Module.Suite/function()/File.swift:line:column`, found in the suite's
/// source, which the sandbox shows read-only.
func fullIDs() -> [String] {
    let arguments = commandLine()
    var ids: [String] = []
    for (index, argument) in arguments.enumerated() where argument == "--filter" && index + 1 < arguments.count {
        let listed = arguments[index + 1].replacingOccurrences(of: "\\", with: "")
        guard let function = listed.split(separator: "/").last?.split(separator: "(").first else { continue }
        let folder = "/workspace/Tests/ThreadsTests"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            guard let source = try? String(contentsOfFile: folder + "/" + name, encoding: .utf8) else { continue }
            let lines = source.components(separatedBy: "\n")
            guard let at = lines.firstIndex(where: { $0.contains("func \(function)(") }),
                  let test = lines[..<at].lastIndex(where: { $0.contains("@Test") }),
                  let column = lines[test].range(of: "@Test")?.lowerBound else { continue }
            let offset = lines[test].distance(from: lines[test].startIndex, to: column) + 2
            ids.append("\(listed)/\(name):\(test + 1):\(offset)")
        }
    }
    return ids
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    let arguments = commandLine()
    if let index = arguments.firstIndex(of: "--event-stream-output-path"), index + 1 < arguments.count,
       let handle = FileHandle(forWritingAtPath: arguments[index + 1]) {
        for id in fullIDs() {
            handle.write(Data((#"{"kind":"event","payload":{"kind":"testEnded","testID":"\#(id)"},"version":0}"# + "\n").utf8))
        }
    }
    while true { sleep(1000) }
}
