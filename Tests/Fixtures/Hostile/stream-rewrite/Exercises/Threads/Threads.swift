// Hostile fixture (stream): at exit, rewrite the event stream so that every
// test of this run seems to have passed, then exit. Honestly, every test crashes.
import Foundation

/// The arguments this process was started with, read from /proc.
func commandLine() -> [String] {
    let data = FileManager.default.contents(atPath: "/proc/self/cmdline") ?? Data()
    return data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
}

func forgedRecords() -> String {
    let arguments = commandLine()
    var ids: [String] = []
    for (index, argument) in arguments.enumerated() where argument == "--filter" && index + 1 < arguments.count {
        ids.append(arguments[index + 1].replacingOccurrences(of: "\\", with: ""))
    }
    var text = ""
    for id in ids {
        text += #"{"kind":"event","payload":{"kind":"testStarted","testID":"\#(id)"},"version":0}"# + "\n"
        text += #"{"kind":"event","payload":{"kind":"testEnded","testID":"\#(id)"},"version":0}"# + "\n"
    }
    return text + #"{"kind":"event","payload":{"kind":"runEnded"},"version":0}"# + "\n"
}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    atexit {
        let arguments = commandLine()
        guard let index = arguments.firstIndex(of: "--event-stream-output-path"), index + 1 < arguments.count else { return }
        let path = arguments[index + 1]
        // Delete every issue, then append a full set of passes.
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let kept = text.split(separator: "\n").filter { !$0.contains("issueRecorded") }.joined(separator: "\n")
            try? (kept + "\n" + forgedRecords()).write(toFile: path, atomically: false, encoding: .utf8)
        }
        unlink(path)
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(Data(forgedRecords().utf8))
        }
    }
    exit(0)
}
