import Foundation

/// Searches a folder for solution code: every distinctive line written
/// inside a `// BEGIN SOLUTION` … `// END SOLUTION` region of the course.
///
/// A release file leaks when one of its lines (trimmed) is a distinctive
/// solution line: one long enough to mean something (at least 12
/// characters, trimmed) that appears in nothing students are meant to see:
/// not in a stub, not in the lessons' prose, examples or hints, and not in
/// the tool's sources or the graded suites (which every release carries). HTML and JavaScript
/// are searched with tags removed and entities decoded, since highlighting
/// splits a line into many spans.
public struct SolutionLeakScan {
    /// A release file holding a distinctive solution line.
    public struct Leak: Sendable, Equatable, CustomStringConvertible {
        /// The file, relative to the scanned folder.
        public var file: String
        /// The solution line found in it, trimmed.
        public var line: String
        /// The leak in words: the file and the line.
        public var description: String { "\(file): contains solution line `\(line)`" }
    }

    /// The distinctive solution lines, trimmed.
    public let lines: Set<String>

    /// Collects the distinctive solution lines of `course`: lines of its
    /// solution regions, at least 12 characters long, that appear nowhere
    /// students may see.
    public init(course: Course) {
        var regionLines = Set<String>()
        var permitted = Set<String>()
        for lesson in course.lessons {
            let source = (try? String(contentsOf: course.root.appending(path: lesson.path), encoding: .utf8)) ?? ""
            var exerciseLines = Set<Int>()  // 1-based lines of the lesson inside exercise blocks
            for block in lesson.codeBlocks {
                guard case .exercise = block.role else { continue }
                regionLines.formUnion(SolutionRegions.solutionLines(of: block.code))
                let count = block.code.split(separator: "\n", omittingEmptySubsequences: false).count
                exerciseLines.formUnion(block.firstCodeLine..<block.firstCodeLine + count)
            }
            // What the lesson shows outside its exercise blocks is lesson content.
            for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !exerciseLines.contains(index + 1) {
                permitted.insert(line.trimmingCharacters(in: .whitespaces))
            }
        }
        for exercise in course.exercises {
            for file in exercise.files {
                permitted.formUnion(
                    file.stubText(exercise: exercise).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            }
        }
        // The tool, the graded suites and their support ship in every release too.
        for folder in ReleaseLayout.shippedCode(of: course) {
            permitted.formUnion(Self.linesOfSwiftFiles(under: course.root.appending(path: folder)))
        }
        lines = regionLines.filter { $0.count >= 12 && !permitted.contains($0) }
    }

    /// Every leak in the files under `folder` (`.build` skipped).
    public func leaks(in folder: URL) -> [Leak] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var leaks: [Leak] = []
        for case let path as String in enumerator {
            if path == ".build" || path.hasPrefix(".build/") { enumerator.skipDescendants(); continue }
            guard let data = FileManager.default.contents(atPath: folder.appending(path: path).path) else { continue }
            var text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") || path.hasSuffix(".js") { text = Self.visibleText(text) }
            let fileLines = Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
            for line in lines.intersection(fileLines) { leaks.append(Leak(file: path, line: line)) }
        }
        return leaks.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Markup removed and entities and JSON escapes decoded.
    static func visibleText(_ html: String) -> String {
        html.replacing(/<[^>]*>/, with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\n", with: "\n")
            .replacingOccurrences(of: "\\u003c", with: "<").replacingOccurrences(of: "\\u003e", with: ">")
            .replacingOccurrences(of: "\\u0026", with: "&")
    }

    static func linesOfSwiftFiles(under folder: URL) -> Set<String> {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var lines = Set<String>()
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = (try? String(contentsOf: folder.appending(path: path), encoding: .utf8)) ?? ""
            lines.formUnion(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        }
        return lines
    }
}
