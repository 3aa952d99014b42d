import Foundation

/// What ``BookRenderer/render(to:)`` wrote.
public struct RenderReport: Sendable {
    /// The book's folder; open `index.html` in it.
    public var directory: URL
    /// Every page written, relative to `directory`: `index.html`, `01-threads.html`, …
    public var pages: [String]
    /// Theme and script files written, relative to `directory`.
    public var assets: [String]
    /// Problems that did not stop the book (a missing theme file).
    public var problems: [Diagnostic]
    /// How long rendering took, writing included.
    public var duration: Duration
    /// Swift blocks parsed and highlighted afresh, and Swift blocks shown
    /// in all (the rest came from the last render's cache).
    public var highlighted: (afresh: Int, shown: Int)

    /// The book's first page: `index.html` in ``directory``.
    public var indexPage: URL { directory.appending(path: "index.html") }
}
