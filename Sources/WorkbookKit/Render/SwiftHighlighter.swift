import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Swift source as static HTML: swift-syntax's classifications become
/// `<span class="hl-…">` runs, so the book needs no JavaScript highlighter.
enum SwiftHighlighter {
    /// The CSS class of each kind of token; `nil` means plain text.
    enum Style: String, CaseIterable {
        case keyword, type, string, number, comment, doc, attribute, macro, directive, `operator`, label, regex

        var cssClass: String { "hl-" + rawValue }

        init?(_ kind: SyntaxClassification) {
            switch kind {
            case .keyword: self = .keyword
            case .type: self = .type
            case .stringLiteral: self = .string
            case .integerLiteral, .floatLiteral: self = .number
            case .lineComment, .blockComment: self = .comment
            case .docLineComment, .docBlockComment: self = .doc
            case .attribute: self = .attribute
            case .ifConfigDirective: self = .directive
            case .operator: self = .operator
            case .argumentLabel: self = .label
            case .regexLiteral: self = .regex
            case .identifier, .dollarIdentifier, .editorPlaceholder, .none: return nil
            @unknown default: return nil
            }
        }
    }

    /// The highlighted HTML of `code` (to be placed inside `<pre><code>`).
    static func html(_ code: String) -> String {
        let tree = Parser.parse(source: code)
        let bytes = Array(code.utf8)
        // One style per UTF-8 byte: classifications first, then the
        // refinements swift-syntax leaves as plain (`#expect`, `#"…"#`, `@`).
        var styles = [Style?](repeating: nil, count: bytes.count)
        for range in tree.classifications {
            // Without type checking, a capitalised name (`Thread`, `NSLock`) is most likely a type.
            let capitalised =
                range.kind == .identifier && range.offset < bytes.count
                && (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[range.offset])
            guard let style = capitalised ? .type : Style(range.kind) else { continue }
            fill(&styles, range.range, with: style)
        }
        let refinements = Refinements(viewMode: .sourceAccurate)
        refinements.walk(tree)
        for (range, style) in refinements.ranges { fill(&styles, range, with: style) }
        return runs(bytes, styles)
    }

    private static func fill(_ styles: inout [Style?], _ range: Range<AbsolutePosition>, with style: Style) {
        let lower = max(0, range.lowerBound.utf8Offset)
        let upper = min(styles.count, range.upperBound.utf8Offset)
        guard lower < upper else { return }
        for offset in lower..<upper { styles[offset] = style }
    }

    /// Emits each run of equally styled bytes once, escaped.
    private static func runs(_ bytes: [UInt8], _ styles: [Style?]) -> String {
        var html = ""
        var start = 0
        while start < bytes.count {
            var end = start + 1
            while end < bytes.count && styles[end] == styles[start] { end += 1 }
            let text = HTML.escape(String(decoding: bytes[start..<end], as: UTF8.self))
            if let style = styles[start] {
                html += "<span class=\"\(style.cssClass)\">\(text)</span>"
            } else {
                html += text
            }
            start = end
        }
        return html
    }
}

/// Finds tokens whose classification is too plain for a reader of Swift 6.
private final class Refinements: SyntaxVisitor {
    var ranges: [(Range<AbsolutePosition>, SwiftHighlighter.Style)] = []

    override func visit(_ node: MacroExpansionExprSyntax) -> SyntaxVisitorContinueKind {
        mark(from: node.pound, to: node.macroName, as: .macro)
        return .visitChildren
    }

    override func visit(_ node: MacroExpansionDeclSyntax) -> SyntaxVisitorContinueKind {
        mark(from: node.pound, to: node.macroName, as: .macro)
        return .visitChildren
    }

    override func visit(_ node: StringLiteralExprSyntax) -> SyntaxVisitorContinueKind {
        if let pounds = node.openingPounds { mark(from: pounds, to: pounds, as: .string) }
        if let pounds = node.closingPounds { mark(from: pounds, to: pounds, as: .string) }
        return .visitChildren
    }

    override func visit(_ node: AttributeSyntax) -> SyntaxVisitorContinueKind {
        mark(from: node.atSign, to: node.atSign, as: .attribute)
        return .visitChildren
    }

    private func mark(from first: TokenSyntax, to last: TokenSyntax, as style: SwiftHighlighter.Style) {
        let range = first.positionAfterSkippingLeadingTrivia..<last.endPositionBeforeTrailingTrivia
        ranges.append((range, style))
    }
}
