import Foundation
import Testing
@testable import WorkbookKit

/// A two-lesson course written to a temporary folder, with the real theme.
enum RenderFixture {
    static let threads = #"""
        # Threads

        A **thread** runs code in parallel. See [locks](02-locks.md#lock-then-unlock-with-defer).

        ## Starting a thread

        ```swift
        import Foundation
        let worker = Thread { print("worker: hello") }
        worker.start()
        ```

        ```output per-thread
        worker: hello
        main: done
        ```

        ## Exercise

        ```swift exercise=threads file=Threads.swift
        public func spawnAll(_ jobs: [@Sendable () -> Void]) {
            // BEGIN SOLUTION
            let group = DispatchGroup()
            // STUB
            // _ = jobs
            // END SOLUTION
        }
        ```

        ### Hints

        1. One `DispatchGroup` counts many threads.
        2. Call `enter()` before `start()`.
        """#

    static let locks = #"""
        # Locks

        ## A racy counter

        ```swift compile-fail="is not concurrency-safe"
        var count = 0
        ```

        ```swift tsan
        print(1)
        ```

        ```output unordered
        b
        a
        /took [0-9]+ ms/
        ```

        ## Lock, then unlock with defer

        ```swift prelude=counter
        let hiddenPreludeMarker = 1
        ```

        ```swift hangs
        lock.lock()
        ```

        ```swift
        print("start")
        ```

        ```output
        start
        ...
        ```

        Back to [threads](01-threads.md#starting-a-thread).
        """#

    static var themeFolder: URL {
        URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "book/theme")
    }

    /// Writes the lessons (and the theme) to a new temporary course folder and loads it.
    static func course(lessons: [String: String] = ["01-threads.md": threads, "02-locks.md": locks]) throws -> Course {
        let root = FileManager.default.temporaryDirectory.appending(path: "render-fixture-\(UUID().uuidString)")
        let book = root.appending(path: "book")
        try FileManager.default.createDirectory(at: book.appending(path: "theme"), withIntermediateDirectories: true)
        for (name, text) in lessons {
            try Data(text.utf8).write(to: book.appending(path: name))
        }
        for name in BookTheme.files {
            try FileManager.default.copyItem(at: themeFolder.appending(path: name), to: book.appending(path: "theme/\(name)"))
        }
        let (course, problems) = try Course.load(root: root)
        #expect(problems.isEmpty, "fixture lessons have problems: \(problems)")
        return course
    }

    /// Renders the fixture course; returns the course and the book's folder.
    static func render(_ edition: Edition = .student) throws -> (Course, URL) {
        let course = try course()
        let output = course.root.appending(path: "out-\(edition.rawValue)")
        _ = try BookRenderer(course: course, edition: edition).render(to: output)
        return (course, output)
    }

    static func page(_ name: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let data = try #require(
            FileManager.default.contents(atPath: directory.appending(path: name).path),
            "missing page \(name)", sourceLocation: sourceLocation)
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite struct RenderOwnBookTests {
    static var workbookRoot: URL {
        ProcessInfo.processInfo.environment["RENDER_BOOK_ROOT"].map { URL(filePath: $0) }
            ?? RenderFixture.themeFolder.deletingLastPathComponent().deletingLastPathComponent()
    }

    static var hasLessons: Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: workbookRoot.appending(path: "book").path)) ?? []
        return names.contains(where: Course.isLessonFileName)
    }

    @Test("the workbook's own lessons render quickly and pass the link check", .enabled(if: hasLessons))
    func rendersOwnBook() throws {
        let (course, _) = try Course.load(root: Self.workbookRoot)
        let output =
            ProcessInfo.processInfo.environment["RENDER_BOOK_OUTPUT"].map { URL(filePath: $0) }
            ?? FileManager.default.temporaryDirectory.appending(path: "render-own-\(UUID().uuidString)")
        for edition in Edition.allCases {
            let directory = edition == .student ? output : output.appending(path: "instructor")
            var renderer = BookRenderer(course: course, edition: edition)
            renderer.highlightCache = nil  // the tool's own cache belongs to the tool
            let report = try renderer.render(to: directory)
            print("rendered \(course.lessons.count) lessons (\(edition.rawValue)) in \(report.duration) to \(directory.path)")
            #expect(report.problems.isEmpty)
            let problems = BookLinkCheck.problems(in: directory, course: course)
            #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        }
    }
}
