import Foundation

/// The book's stylesheet and script, read once from `book/theme/` per render.
struct BookTheme {
    /// The files every page links to, in `book/theme/` and in the book's `theme/` folder.
    static let files = ["book.css", "book.js"]
    static let folder = "theme"

    var contents: [(name: String, data: Data)]
    var problems: [Diagnostic]

    static func load(from root: URL) -> BookTheme {
        let source = root.appending(path: "book").appending(path: folder)
        var contents: [(String, Data)] = []
        var problems: [Diagnostic] = []
        for name in files {
            let path = "book/\(folder)/\(name)"
            if let data = FileManager.default.contents(atPath: source.appending(path: name).path) {
                contents.append((name, data))
            } else {
                problems.append(
                    Diagnostic(path, nil, "theme file is missing; the book is written without it (restore \(path))", severity: .warning))
            }
        }
        return BookTheme(contents: contents, problems: problems)
    }

    /// Copies the theme into `directory/theme/`.
    /// - Returns: the written paths, relative to `directory`.
    func write(to directory: URL) throws -> [String] {
        let target = directory.appending(path: Self.folder)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for (name, data) in contents {
            try data.write(to: target.appending(path: name), options: .atomic)
        }
        return contents.map { "\(Self.folder)/\($0.name)" }
    }
}
