import Foundation

/// The highlighted HTML of every Swift block the last render showed, kept
/// in one JSON file so the next render parses only blocks that changed.
///
/// Parsing is most of a render's time (swift-syntax in a debug build), and
/// most renders change a block or two. Entries are keyed by the block's
/// exact text and belong to one build of the tool: a rebuilt tool (whose
/// highlighter may have changed) starts afresh. Safe to share between the
/// threads that render pages.
final class HighlightCache: Sendable {
    private struct Stored: Codable {
        var tool: String
        var blocks: [String: String]
    }

    private struct State {
        var stored: [String: String]
        var used: [String: String] = [:]
        var highlighted = 0
    }

    let file: URL?
    private let tool: String
    private let state: Shared<State>

    /// Reads `file` if it is there and was written by this build of the
    /// tool; `nil` keeps nothing between renders.
    init(file: URL?) {
        self.file = file
        tool = Self.toolStamp()
        var stored: [String: String] = [:]
        if let file, let data = try? Data(contentsOf: file),
            let decoded = try? JSONDecoder().decode(Stored.self, from: data), decoded.tool == tool
        {
            stored = decoded.blocks
        }
        state = Shared(State(stored: stored))
    }

    /// `code`'s highlighted HTML, from the file or parsed now.
    func html(_ code: String) -> String {
        if let known = state.update({ state in
            state.stored[code].map {
                state.used[code] = $0; return $0
            }
        }) {
            return known
        }
        let html = SwiftHighlighter.html(code)
        state.update { state in
            state.used[code] = html
            state.highlighted += 1
        }
        return html
    }

    /// How many blocks were parsed afresh, and how many were shown in all.
    var counts: (highlighted: Int, shown: Int) {
        state.update { ($0.highlighted, $0.used.count) }
    }

    /// Writes what this render showed (and only that, so the file never
    /// grows with blocks that are gone) when it differs from what was read.
    func save() {
        guard let file else { return }
        let (used, changed) = state.update { ($0.used, $0.highlighted > 0 || $0.used.count != $0.stored.count) }
        guard changed, let data = try? JSONEncoder().encode(Stored(tool: tool, blocks: used)) else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: file, options: .atomic)  // a cache: failing to keep it costs time only
    }

    /// Which build of the tool this is: its executable's size and time of change.
    private static func toolStamp() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let changed = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(changed)"
    }
}
