/// A rendered page as the link checker sees it: its ids, its links and its
/// visible text, each with the line it is on.
struct HTMLPage {
    struct Link {
        var href: String
        var line: Int
    }

    struct TextLine {
        var text: String
        var line: Int
    }

    let name: String
    let ids: Set<String>
    let links: [Link]
    /// Text outside `<pre>`, `<code>`, `<script>` and `<style>`, tags removed, by source line.
    let text: [TextLine]

    init(name: String, html: String) {
        self.name = name
        let lines = LineTable(html)
        var ids: Set<String> = []
        var links: [Link] = []
        for match in html.matches(of: Self.attribute) {
            let value = HTML.unescape(match.output.2 ?? match.output.3 ?? match.output.4 ?? "")
            if match.output.1.lowercased() == "id" {
                ids.insert(value)
            } else {
                links.append(Link(href: value, line: lines.line(of: match.range.lowerBound)))
            }
        }
        self.ids = ids
        self.links = links
        self.text = Self.visibleText(html)
    }

    // The attribute must follow whitespace so `data-id=` or `xhref=` do not count.
    nonisolated(unsafe) private static let attribute =
        /\s(id|href|ID|HREF)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/

    nonisolated(unsafe) private static let verbatim =
        /(?s)<pre\b.*?<\/pre>|<code\b.*?<\/code>|<script\b.*?<\/script>|<style\b.*?<\/style>|<!--.*?-->/

    nonisolated(unsafe) private static let tag = /<[^>]*>/

    /// Removes verbatim elements and tags but keeps their newlines, so lines still match the file.
    private static func visibleText(_ html: String) -> [TextLine] {
        func newlines(_ text: Substring) -> String { String(repeating: "\n", count: text.count { $0 == "\n" }) }
        let withoutVerbatim = html.replacing(verbatim) { newlines(html[$0.range]) }
        let withoutTags = withoutVerbatim.replacing(tag) { newlines(withoutVerbatim[$0.range]) }
        return withoutTags.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
            let text = HTML.unescape(line).trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : TextLine(text: text, line: index + 1)
        }
    }
}

/// Finds the 1-based line of a position in a text.
struct LineTable {
    private var starts: [String.Index]

    init(_ text: String) {
        starts = [text.startIndex]
        var index = text.startIndex
        while let newline = text[index...].firstIndex(of: "\n") {
            index = text.index(after: newline)
            starts.append(index)
        }
    }

    func line(of position: String.Index) -> Int {
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= position { low = middle } else { high = middle }
        }
        return low + 1
    }
}
