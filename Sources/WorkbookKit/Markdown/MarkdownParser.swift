import CCmark

/// The only door to libcmark: parses CommonMark and hands back Swift values.
///
/// cmark accepts any input (there is no invalid Markdown), so parsing never
/// fails. No cmark pointer leaves this file.
public enum MarkdownParser {
    /// Parses `text`, rewriting every link destination with `rewriteLink`
    /// before rendering (so `02-locks.md#x` can become `02-locks.html#x`).
    public static func parse(
        _ text: String,
        rewriteLink: (String) -> String = { $0 }
    ) -> MarkdownDocument {
        let bytes = Array(text.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, CMARK_OPT_UNSAFE) else {
            return MarkdownDocument(blocks: [], links: [])
        }
        defer { cmark_node_free(root) }
        let links = collectLinks(root, rewrite: rewriteLink)
        var blocks: [MarkdownBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            blocks.append(block(current))
            node = cmark_node_next(current)
        }
        return MarkdownDocument(blocks: blocks, links: links)
    }

    /// Renders a fragment of Markdown (a table cell, a hint) to HTML.
    public static func html(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, CMARK_OPT_UNSAFE) else { return "" }
        defer { cmark_node_free(root) }
        return render(root)
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock {
        let start = Int(cmark_node_get_start_line(node))
        let end = Int(cmark_node_get_end_line(node))
        let kind: MarkdownBlock.Kind
        switch cmark_node_get_type(node) {
        case CMARK_NODE_HEADING:
            kind = .heading(level: Int(cmark_node_get_heading_level(node)), text: plainText(node))
        case CMARK_NODE_CODE_BLOCK:
            kind = .code(info: string(cmark_node_get_fence_info(node)), literal: string(cmark_node_get_literal(node)))
        case CMARK_NODE_LIST:
            kind = .list(ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST, items: items(node))
        case CMARK_NODE_HTML_BLOCK:
            kind = .html
        default:
            kind = .other
        }
        return MarkdownBlock(kind: kind, startLine: start, endLine: end, html: render(node))
    }

    private static func items(_ list: OpaquePointer) -> [ListItem] {
        var result: [ListItem] = []
        var node = cmark_node_first_child(list)
        while let item = node {
            var markdown = ""
            var html = ""
            var child = cmark_node_first_child(item)
            while let part = child {
                markdown += renderCommonMark(part)
                html += render(part)
                child = cmark_node_next(part)
            }
            result.append(ListItem(
                markdown: markdown.trimmingTrailingNewlines(),
                html: html,
                line: Int(cmark_node_get_start_line(item))))
            node = cmark_node_next(item)
        }
        return result
    }

    /// The concatenated text and inline code of a node's descendants.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        walk(node) { current in
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }

    private static func collectLinks(_ root: OpaquePointer, rewrite: (String) -> String) -> [MarkdownLink] {
        var links: [MarkdownLink] = []
        walk(root) { node in
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { return }
            let destination = string(cmark_node_get_url(node))
            links.append(MarkdownLink(destination: destination, line: lineOf(node)))
            let rewritten = rewrite(destination)
            if rewritten != destination { cmark_node_set_url(node, rewritten) }
        }
        return links
    }

    /// Inline nodes carry no position in cmark 0.30; use the enclosing block's.
    private static func lineOf(_ node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 { return line }
            current = cmark_node_parent(candidate)
        }
        return 0
    }

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            if cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                visit(node)
            }
        }
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_UNSAFE) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func renderCommonMark(_ node: OpaquePointer) -> String {
        guard let text = cmark_render_commonmark(node, CMARK_OPT_DEFAULT, 0) else { return "" }
        defer { free(text) }
        return String(cString: text)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}
