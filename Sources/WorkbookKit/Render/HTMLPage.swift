/// A rendered page as the link checker sees it: its ids, and its links with
/// the line each is on.
struct HTMLPage {
    struct Link {
        var href: String
        var line: Int
    }

    let name: String
    let ids: Set<String>
    let links: [Link]

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
    }

    // The attribute must follow whitespace so `data-id=` or `xhref=` do not count.
    nonisolated(unsafe) private static let attribute =
        /\s(id|href|ID|HREF)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/
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
