import Testing
@testable import WorkbookKit

@Suite struct SolutionRegionsTests {
    static let tryLock = """
        public func tryLock() -> Bool {
            // BEGIN SOLUTION
            return state.withLock { held in
                held = true
            }
            // STUB
            // return false
            // END SOLUTION
        }

        """

    @Test("the solution is the code with markers and stub lines removed")
    func solution() {
        #expect(
            SolutionRegions.solution(of: Self.tryLock) == """
                public func tryLock() -> Bool {
                    return state.withLock { held in
                        held = true
                    }
                }
                """)
    }

    @Test("the stub replaces a region with a TODO at the region's indentation and uncommented stub lines")
    func stub() {
        #expect(
            SolutionRegions.stub(of: Self.tryLock, todo: "finish me") == """
                public func tryLock() -> Bool {
                    // TODO: finish me
                    return false
                }
                """)
    }

    static let severalRegions = """
        import Synchronization

        struct Box {
          func a() -> Int {
            // BEGIN SOLUTION
            return 1
            // END SOLUTION
          }

          func b() -> [Int] {
        \t// BEGIN SOLUTION   
        \treturn [2]
        \t// STUB
        \t//return []
        \t//   keep this indent
        \t// END SOLUTION
          }
        }
        // BEGIN SOLUTION
        let extra = 3
        // END SOLUTION
        """

    @Test("several regions, each with its own indentation; code outside regions is kept")
    func severalRegionsStub() {
        #expect(
            SolutionRegions.stub(of: Self.severalRegions, todo: "T") == """
                import Synchronization

                struct Box {
                  func a() -> Int {
                    // TODO: T
                  }

                  func b() -> [Int] {
                \t// TODO: T
                \treturn []
                \t  keep this indent
                  }
                }
                // TODO: T
                """)
    }

    @Test("several regions: the solution keeps every region's code and nothing else changes")
    func severalRegionsSolution() {
        #expect(
            SolutionRegions.solution(of: Self.severalRegions) == """
                import Synchronization

                struct Box {
                  func a() -> Int {
                    return 1
                  }

                  func b() -> [Int] {
                \treturn [2]
                  }
                }
                let extra = 3
                """)
    }

    @Test("code without regions is its own solution and its own stub")
    func noRegions() {
        let code = "let x = 1\n\nprint(x)\n"
        #expect(SolutionRegions.solution(of: code) == "let x = 1\n\nprint(x)")
        #expect(SolutionRegions.stub(of: code, todo: "T") == "let x = 1\n\nprint(x)")
    }

    struct ProblemCase: CustomTestStringConvertible, Sendable {
        var name: String
        var code: String
        /// (line in the lesson, phrase) for each expected diagnostic, in order.
        var problems: [(line: Int, phrase: String)]
        var testDescription: String { name }
    }

    // The fence is on line 10, so the code's first line is line 11.
    @Test(
        "misplaced markers are reported at their line in the lesson",
        arguments: [
            ProblemCase(name: "balanced", code: "a\n// BEGIN SOLUTION\nb\n// STUB\n// c\n\n// END SOLUTION\n", problems: []),
            ProblemCase(
                name: "unbalanced", code: "a\n    // BEGIN SOLUTION\nb\n",
                problems: [(12, "is never closed by `// END SOLUTION`")]),
            ProblemCase(
                name: "nested", code: "// BEGIN SOLUTION\na\n  // BEGIN SOLUTION\n// END SOLUTION\n",
                problems: [(13, "nested `// BEGIN SOLUTION`: the region opened at line 11")]),
            ProblemCase(
                name: "end without begin", code: "a\nb\n// END SOLUTION\n",
                problems: [(13, "`// END SOLUTION` without a matching `// BEGIN SOLUTION`")]),
            ProblemCase(
                name: "stub outside region", code: "a\n// STUB\n// return 0\n",
                problems: [(12, "`// STUB` outside a solution region")]),
            ProblemCase(
                name: "non-comment stub line", code: "// BEGIN SOLUTION\nx\n// STUB\n// ok\nreturn 0\n// END SOLUTION\n",
                problems: [(15, "must be comments")]),
            ProblemCase(
                name: "second stub", code: "// BEGIN SOLUTION\n// STUB\n// a\n// STUB\n// END SOLUTION\n",
                problems: [(14, "second `// STUB`")]),
        ])
    func problems(_ example: ProblemCase) {
        let block = CodeBlock(
            role: .exercise(name: "lock", file: "Lock.swift"), info: "swift exercise=lock file=Lock.swift",
            code: example.code, fenceLine: 10, lessonPath: "book/02-locks.md")
        let found = SolutionRegions.problems(in: block)
        #expect(found.map(\.line) == example.problems.map(\.line), "\(found)")
        for (diagnostic, expected) in zip(found, example.problems) {
            #expect(diagnostic.file == "book/02-locks.md")
            #expect(diagnostic.message.contains(expected.phrase), "\(diagnostic.message)")
        }
    }
}
