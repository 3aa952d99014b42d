import CCmark
import Foundation

/// The only door to libcmark: parses CommonMark and hands back Swift values.
///
/// cmark accepts any input (there is no invalid Markdown), so parsing never
/// fails. No cmark pointer leaves this file.
public enum MarkdownParser {
    /// Parses `text` into its blocks and links.
    public static func parse(_ text: String) -> MarkdownDocument {
        let bytes = Array(text.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, CMARK_OPT_UNSAFE) else {
            return MarkdownDocument(blocks: [], links: [])
        }
        defer { cmark_node_free(root) }
        let links = collectLinks(root, rewrite: { $0 })
        var blocks: [MarkdownBlock] = []
        var node = cmark_node_first_child(root)
        while let current = node {
            blocks.append(block(current))
            node = cmark_node_next(current)
        }
        return MarkdownDocument(blocks: blocks, links: links)
    }

    /// Renders Markdown (a block, a hint) to HTML, raw HTML kept, with every
    /// link destination rewritten first (so `02-locks.md#x` can become the
    /// book's `02-locks.html#x`).
    ///
    /// `tight` renders it as the content of a tight list's item: a
    /// paragraph without its `<p>` (the way cmark renders a tight item).
    public static func html(_ text: String, tight: Bool = false, rewriteLink: (String) -> String = { $0 }) -> String {
        let bytes = Array(text.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, CMARK_OPT_UNSAFE) else { return "" }
        defer { cmark_node_free(root) }
        _ = collectLinks(root, rewrite: rewriteLink)
        guard tight else { return render(root) }
        var html = ""
        var block = cmark_node_first_child(root)
        while let node = block {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                var inline = cmark_node_first_child(node)
                while let part = inline {
                    html += render(part)
                    inline = cmark_node_next(part)
                }
                if cmark_node_next(node) != nil { html += "\n" }
            } else {
                html += render(node)
            }
            block = cmark_node_next(node)
        }
        return html
    }

    /// The inline HTML of the first block of `text` (a heading's `code` and
    /// emphasis, without the heading's own tags).
    public static func inlineHTML(_ text: String, rewriteLink: (String) -> String = { $0 }) -> String {
        let bytes = Array(text.utf8)
        guard let root = cmark_parse_document(bytes, bytes.count, CMARK_OPT_UNSAFE) else { return "" }
        defer { cmark_node_free(root) }
        _ = collectLinks(root, rewrite: rewriteLink)
        var html = ""
        var child = cmark_node_first_child(root).flatMap { cmark_node_first_child($0) }
        while let node = child {
            html += render(node)
            child = cmark_node_next(node)
        }
        return html
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
        // Raw HTML has no words of Markdown's; a reader of HTML finds them.
        let text = kind == .html ? "" : plainText(node)
        return MarkdownBlock(
            kind: kind, startLine: start, endLine: end,
            markdown: renderCommonMark(node).trimmingTrailingNewlines(), text: text)
    }

    private static func items(_ list: OpaquePointer) -> [ListItem] {
        var result: [ListItem] = []
        var node = cmark_node_first_child(list)
        while let item = node {
            var markdown = ""
            var child = cmark_node_first_child(item)
            while let part = child {
                markdown += renderCommonMark(part)
                child = cmark_node_next(part)
            }
            result.append(ListItem(markdown: markdown.trimmingTrailingNewlines(), line: Int(cmark_node_get_start_line(item))))
            node = cmark_node_next(item)
        }
        return result
    }

    /// The concatenated text and inline code of a node's descendants; a
    /// space between blocks and at line breaks.
    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        walk(node) { current in
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                text += string(cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH, CMARK_NODE_ITEM:
                text += " "
            default:
                break
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
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
