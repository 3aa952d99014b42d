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
