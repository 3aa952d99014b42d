import SwiftParser
import SwiftSyntax

/// Reads a student's sources before anything builds them, and refuses the
/// constructs that could reach past the exercise's own module.
///
/// Underscored attributes (`@_silgen_name`, `@_cdecl`, `@_section`, …) and
/// their public spellings (`@c`, `@section`, `@used`, `@export`, …) can give
/// a function the symbol of a testing-library or sanitizer entry point, or
/// run code at load time; `#sourceLocation` can make a compile error name
/// another file; imports of the test frameworks, the course's support module
/// or a suite reach the grader's own code. No exercise needs any of them.
enum SourceInspection {
    /// One refused construct, located in the student's file.
    struct Finding: Sendable, Equatable, CustomStringConvertible {
        var file: String
        var line: Int
        var construct: String
        var description: String { "\(file):\(line): forbidden construct: \(construct)" }
    }

    /// Attributes with no underscore that still control symbols or sections.
    static let forbiddenAttributes: Set<String> = [
        "c", "cdecl", "section", "used", "export", "extern",
        "implementation", "silgen_name", "main", "testable", "objc",
    ]
    /// Modules a student's exercise may not import (suites and course
    /// modules are matched by their name's ending).
    static let forbiddenModules: Set<String> = ["Testing", "XCTest", "CourseSupport", "Dispatch_Private"]
    static let forbiddenModuleEndings = ["Tests", "Solution", "Exercise"]

    static func findings(in sources: [String: String]) -> [Finding] {
        sources.sorted { $0.key < $1.key }.flatMap { findings(file: $0.key, text: $0.value) }
    }

    static func findings(file: String, text: String) -> [Finding] {
        let tree = Parser.parse(source: text)
        let visitor = Visitor(file: file, converter: SourceLocationConverter(fileName: file, tree: tree))
        visitor.walk(tree)
        return visitor.found
    }

    private final class Visitor: SyntaxVisitor {
        let file: String
        let converter: SourceLocationConverter
        var found: [Finding] = []

        init(file: String, converter: SourceLocationConverter) {
            self.file = file
            self.converter = converter
            super.init(viewMode: .sourceAccurate)
        }

        private func refuse(_ node: some SyntaxProtocol, _ construct: String) {
            found.append(Finding(file: file, line: node.startLocation(converter: converter).line, construct: construct))
        }

        override func visit(_ node: AttributeSyntax) -> SyntaxVisitorContinueKind {
            let name = node.attributeName.trimmedDescription
            if name.hasPrefix("_") || SourceInspection.forbiddenAttributes.contains(name) {
                refuse(node, "the attribute @\(name) (it controls symbols, sections or module boundaries)")
            }
            return .visitChildren
        }

        override func visit(_ node: PoundSourceLocationSyntax) -> SyntaxVisitorContinueKind {
            refuse(node, "#sourceLocation (compile errors must name your own file and line)")
            return .skipChildren
        }

        override func visit(_ node: ImportDeclSyntax) -> SyntaxVisitorContinueKind {
            let module = node.path.first?.name.text ?? ""
            if module.hasPrefix("_") || SourceInspection.forbiddenModules.contains(module)
                || SourceInspection.forbiddenModuleEndings.contains(where: { module.hasSuffix($0) && module != $0 })
            {
                refuse(
                    node, "import \(module) (an exercise may import the standard library, Foundation, Dispatch, Synchronization and Glibc)")
            }
            return .visitChildren
        }
    }
}
