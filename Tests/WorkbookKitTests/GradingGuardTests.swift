import Foundation
import Testing
@testable import WorkbookKit

/// The checks that keep student code inside its exercise: source
/// inspection, the symbol check, the submission reader and the sandbox's
/// refusal to grade without walls.
@Suite struct GradingGuardTests {
    struct Source: Sendable, CustomTestStringConvertible {
        var text: String
        var construct: String
        var testDescription: String { construct }
    }

    @Test(
        "forbidden constructs are found with their line",
        arguments: [
            Source(text: "import Foundation\n@_silgen_name(\"x\") func f()", construct: "@_silgen_name"),
            Source(text: "\n\n@_cdecl(\"g\") public func g() {}", construct: "@_cdecl"),
            Source(text: "@c public func h() {}", construct: "@c"),
            Source(text: "@used @section(\"x\") let v = 1", construct: "@used"),
            Source(text: "#sourceLocation(file: \"/elsewhere\", line: 1)\nlet x = 1\n#sourceLocation()", construct: "#sourceLocation"),
            Source(text: "import Testing", construct: "import Testing"),
            Source(text: "@testable import LockTests", construct: "@testable"),
            Source(text: "import CourseSupport", construct: "import CourseSupport"),
            Source(text: "import _TestingInternals", construct: "import _TestingInternals"),
            Source(text: "import LockSolution", construct: "import LockSolution"),
        ])
    func forbidden(_ source: Source) {
        let findings = SourceInspection.findings(file: "Lock.swift", text: source.text)
        #expect(findings.contains { $0.construct.contains(source.construct) }, "\(findings)")
        #expect(findings.allSatisfy { $0.description.hasPrefix("Lock.swift:") })
    }

    @Test("what correct solutions use is allowed")
    func allowed() {
        let text = """
            import Foundation
            import Synchronization
            import Dispatch
            import Glibc
            @frozen public struct S: Sendable { @usableFromInline var x = 0 }
            public final class L: @unchecked Sendable {
                @inline(__always) @discardableResult public func f(_ g: @escaping @Sendable () -> Void) -> Int { 0 }
                @available(*, noasync) public func lock() {}
                let c: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { $0 }
            }
            @MainActor func m() {}
            """
        #expect(SourceInspection.findings(file: "L.swift", text: text).isEmpty)
    }

    @Test("a strong definition of another module's symbol, or a C one, is refused; weak copies are not")
    func symbols() {
        let listing = """
            /w/.build/debug/LockExercise.build/Lock.swift.o:
            $s12LockExercise0A0C4lockyyF T 0 20
            symbolic _____ 12LockExercise0A0C V 0 8
            $s10Foundation9NSLockingPAAE8withLockyqd__qd__yKXEKlF W 0 40
            __swift_reflection_version V 0 2
            $s7Testing12__checkValueyyF T 0 10
            _ZN6__tsan8OnReportEPKNS_10ReportDescEb T 0 10
            pthread_mutex_lock U 0 0
            dlsym U 0 0
            """
        let problems = SymbolCheck.problems(module: "LockExercise", posixListing: listing)
        #expect(problems.count == 3, "\(problems)")
        #expect(problems.contains { $0.contains("__checkValue") })
        #expect(problems.contains { $0.contains("OnReport") })
        #expect(problems.contains { $0.contains("dlsym") })
    }

    @Test("grading without walls is refused unless asked for, and says what is missing")
    func noSilentDowngrade() throws {
        let weak = Sandbox(
            isolation: .ownUser, controlGroups: nil, toolchainRoot: "/opt/swift",
            protections: ["bubblewrap as your own user"], missing: ["not run as root"])
        #expect(throws: WorkbookError.sandboxUnavailable(missing: ["not run as root"])) {
            try Sandbox.make(.required, on: weak)
        }
        #expect(try Sandbox.make(.bestEffort, on: weak).protections == weak.protections)
        let none = try Sandbox.make(.none, on: weak)
        #expect(none.protections.joined().contains("--unsafe-no-sandbox"))
        #expect(WorkbookError.sandboxUnavailable(missing: ["not run as root"]).description.contains("--unsafe-no-sandbox"))
    }

    @Test("links, pipes and oversized files are refused with their reason; regular files are read")
    func submissionFiles() throws {
        let folder = try TemporaryFolder()
        let (course, _) = try loadCourse(["01-threads.md": Self.lesson], in: folder)
        let submission = try TemporaryFolder()
        try submission.write("public func f() {}\n", to: "Exercises/Threads/Threads.swift")
        try submission.write(String(repeating: "x", count: Submission.maximumFileBytes + 1), to: "Exercises/Threads/Big.swift")
        try FileManager.default.createSymbolicLink(
            atPath: submission.url.appending(path: "Exercises/Threads/Link.swift").path,
            withDestinationPath: "/etc/shadow")
        mkfifo(submission.url.appending(path: "Exercises/Threads/Pipe.swift").path, 0o644)
        let loaded = try Submission.load(submission.url, course: course)
        #expect(loaded.sources["threads"]?.keys.sorted() == ["Threads.swift"])
        #expect(loaded.refused.count == 3, "\(loaded.refused)")
        #expect(loaded.refused.contains { $0.hasPrefix("Exercises/Threads/Link.swift: a symbolic link") })
        #expect(loaded.refused.contains { $0.hasPrefix("Exercises/Threads/Pipe.swift: not a regular file") })
        #expect(loaded.refused.contains { $0.hasPrefix("Exercises/Threads/Big.swift: larger than") })
    }

    @Test("a pipe named like the exercise's file is not the stub, and reading it never blocks")
    func pipeIsNotPristine() throws {
        let folder = try TemporaryFolder()
        let (course, _) = try loadCourse(["01-threads.md": Self.lesson], in: folder)
        let exercise = try #require(course.exercises.first)
        try FileManager.default.createDirectory(
            at: folder.url.appending(path: exercise.exerciseDirectory), withIntermediateDirectories: true)
        mkfifo(folder.url.appending(path: "\(exercise.exerciseDirectory)/Threads.swift").path, 0o644)
        #expect(!exercise.isPristine(in: folder.url))
    }

    @Test("report folders of submissions with the same name do not overwrite each other")
    func uniqueReportFolders() {
        var taken = Set<String>()
        let names = ["alice", "alice", "bob", "alice", "", "gradebook.csv"].map { GradeBatch.uniqueName($0, taken: &taken) }
        #expect(names == ["alice", "alice-2", "bob", "alice-3", "submission", "submission-2"])
    }

    static let lesson = """
        # Threads

        ```swift exercise=threads file=Threads.swift
        public func f() {
            // BEGIN SOLUTION
            // END SOLUTION
        }
        ```
        """
}
