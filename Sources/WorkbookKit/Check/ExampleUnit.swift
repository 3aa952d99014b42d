import Foundation

/// One thing the checker compiles: a program, a fragment with its prelude,
/// or a block that must not compile. Its source starts with a
/// `#sourceLocation` directive for every block, so compiler diagnostics name
/// the Markdown file and line.
struct ExampleUnit: Sendable {
    enum Kind: Sendable {
        case program(RunExpectation)
        case fragment
        case compileFail(expected: String)
    }

    var kind: Kind
    var blocks: [CodeBlock]
    /// The block the unit is reported at (the program or fragment itself).
    var block: CodeBlock { blocks[blocks.count - 1] }

    func source(root: URL) -> String {
        blocks.map { block in
            let path = root.appending(path: block.lessonPath).path
            return "#sourceLocation(file: \"\(path)\", line: \(block.firstCodeLine))\n\(block.code)#sourceLocation()\n"
        }.joined()
    }

    var sanitizesThreads: Bool {
        if case .program(let run) = kind { run.threadSanitizer } else { false }
    }

    /// The compiler's arguments after the source file.
    func compilerArguments(output: URL) -> [String] {
        switch kind {
        case .program(let run):
            return ["-swift-version", "6"] + (run.threadSanitizer ? ["-sanitize=thread"] : []) + ["-o", output.path]
        case .fragment, .compileFail:
            return ["-swift-version", "6", "-c", "-o", kind.isCompileFail ? "/dev/null" : output.path]
        }
    }
}

extension ExampleUnit.Kind {
    var isCompileFail: Bool {
        if case .compileFail = self { true } else { false }
    }
}

extension CodeBlock {
    var lineRange: ClosedRange<Int> {
        let count = max(1, code.split(separator: "\n", omittingEmptySubsequences: false).count)
        return firstCodeLine...(firstCodeLine + count - 1)
    }
}
