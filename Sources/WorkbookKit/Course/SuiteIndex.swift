import Foundation
import SwiftParser
import SwiftSyntax

/// What the course's suite of one exercise says about each of its tests,
/// read from the suite's source with swift-syntax: the property in words
/// (the `@Test` display name) and the lesson section that teaches it
/// (`.teaches("02-locks#anchor")`).
///
/// Reports name every test from here, never from the test process, so the
/// names are the same whether the exercise passed, crashed, did not compile
/// or was not started.
public struct SuiteIndex: Sendable, Codable {
    /// What one test's `@Test` attribute says.
    public struct Entry: Sendable, Equatable, Codable {
        /// The test's display name, the property it checks in words; `nil`
        /// when the attribute gives none.
        public var displayName: String?
        /// The lesson section its `.teaches("…")` trait names
        /// (`02-locks#anchor`), if it has one.
        public var teaches: String?
    }

    /// `Suite/function` → what its `@Test` attribute says.
    private(set) var entries: [String: Entry] = [:]

    /// Reads every `.swift` file of the exercise's suite folder.
    public init(course: Course, exercise: Exercise) {
        let folder = course.root.appending(path: exercise.testDirectory)
        for (_, source) in ((try? SwiftFiles.read(in: folder)) ?? [:]).sorted(by: { $0.key < $1.key }) { read(source) }
    }

    init(sources: [String]) { sources.forEach { read($0) } }

    private mutating func read(_ source: String) {
        let collector = Collector(viewMode: .sourceAccurate)
        collector.walk(Parser.parse(source: source))
        entries.merge(collector.entries) { first, _ in first }
    }

    /// Every `.teaches("…")` trait in a suite's source, with its line: what
    /// the check proves names a real section.
    static func sections(in source: String) -> [(section: String, line: Int)] {
        let tree = Parser.parse(source: source)
        let finder = TeachesFinder(converter: SourceLocationConverter(fileName: "", tree: tree))
        finder.walk(tree)
        return finder.found
    }

    /// The entry for a test ID (`LockTests.LockTests/mutualExclusion()`).
    public func entry(for id: String) -> Entry? {
        let parts = id.split(separator: "/").map(String.init)
        guard let last = parts.last else { return nil }
        let function = String(last.prefix { $0 != "(" })
        let suite = parts.dropLast().last.map { String($0.split(separator: ".").last ?? Substring($0)) } ?? ""
        return entries["\(suite)/\(function)"]
    }

    private final class Collector: SyntaxVisitor {
        var entries: [String: Entry] = [:]
        private var types: [String] = []

        override func visit(_ node: StructDeclSyntax) -> SyntaxVisitorContinueKind { types.append(node.name.text); return .visitChildren }
        override func visitPost(_ node: StructDeclSyntax) { types.removeLast() }
        override func visit(_ node: ClassDeclSyntax) -> SyntaxVisitorContinueKind { types.append(node.name.text); return .visitChildren }
        override func visitPost(_ node: ClassDeclSyntax) { types.removeLast() }
        override func visit(_ node: EnumDeclSyntax) -> SyntaxVisitorContinueKind { types.append(node.name.text); return .visitChildren }
        override func visitPost(_ node: EnumDeclSyntax) { types.removeLast() }
        override func visit(_ node: ActorDeclSyntax) -> SyntaxVisitorContinueKind { types.append(node.name.text); return .visitChildren }
        override func visitPost(_ node: ActorDeclSyntax) { types.removeLast() }
        /// `extension LockTests { @Test … }` adds tests to the suite `LockTests`
        /// (`extension A.B` to `B`).
        override func visit(_ node: ExtensionDeclSyntax) -> SyntaxVisitorContinueKind {
            types.append(String(node.extendedType.trimmedDescription.split(separator: ".").last ?? ""))
            return .visitChildren
        }
        override func visitPost(_ node: ExtensionDeclSyntax) { types.removeLast() }

        override func visit(_ node: FunctionDeclSyntax) -> SyntaxVisitorContinueKind {
            for case .attribute(let attribute) in node.attributes where attribute.attributeName.trimmedDescription == "Test" {
                var entry = Entry()
                if case .argumentList(let arguments) = attribute.arguments {
                    if let first = arguments.first, first.label == nil,
                        let literal = first.expression.as(StringLiteralExprSyntax.self)
                    {
                        entry.displayName = literal.representedLiteralValue
                    }
                    entry.teaches = arguments.lazy.compactMap { SuiteIndex.teaches(in: $0.expression) }.first
                }
                entries["\(types.last ?? "")/\(node.name.text)"] = entry
            }
            return .skipChildren
        }
    }

    /// The section of a `.teaches("…")` trait.
    fileprivate static func teaches(in expression: ExprSyntax) -> String? {
        guard let call = expression.as(FunctionCallExprSyntax.self),
            call.calledExpression.as(MemberAccessExprSyntax.self)?.declName.baseName.text == "teaches",
            let literal = call.arguments.first?.expression.as(StringLiteralExprSyntax.self)
        else { return nil }
        return literal.representedLiteralValue
    }

    private final class TeachesFinder: SyntaxVisitor {
        let converter: SourceLocationConverter
        var found: [(section: String, line: Int)] = []

        init(converter: SourceLocationConverter) {
            self.converter = converter
            super.init(viewMode: .sourceAccurate)
        }

        override func visit(_ node: FunctionCallExprSyntax) -> SyntaxVisitorContinueKind {
            if let section = SuiteIndex.teaches(in: ExprSyntax(node)) {
                found.append((section, node.startLocation(converter: converter).line))
            }
            return .visitChildren
        }
    }
}
