import Foundation
import Testing
@testable import WorkbookKit

/// Releases the real course once (no build: copying, stubbing and rendering
/// take about a second) and inspects the result.
@Suite struct StudentReleaseTests {
    let course: Course
    let release: TemporaryFolder

    init() throws {
        (course, _) = try Course.load(root: StudentFixture.repositoryRoot)
        release = try TemporaryFolder()
        _ = try StudentRelease(course: course).write(to: release.url)
    }

    /// Every file of the release, relative path → text (HTML and JavaScript as visible text).
    func releasedFiles() -> [String: String] {
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: release.url.path)
        while let path = enumerator?.nextObject() as? String {
            guard let data = FileManager.default.contents(atPath: release.url.appending(path: path).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            files[path] = path.hasSuffix(".html") || path.hasSuffix(".js") ? SolutionLeakScan.visibleText(text) : text
        }
        return files
    }

    static func trimmedLines(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
    }

    /// The lesson's lines outside its exercise blocks: what the lesson itself shows.
    static func linesOutsideExercises(_ lesson: Lesson, root: URL) throws -> Set<String> {
        let source = try String(contentsOf: root.appending(path: lesson.path), encoding: .utf8)
        var inside = Set<Int>()
        for block in lesson.codeBlocks {
            guard case .exercise = block.role else { continue }
            inside.formUnion(
                block.firstCodeLine..<block.firstCodeLine + block.code.split(separator: "\n", omittingEmptySubsequences: false).count)
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        return Set(lines.filter { !inside.contains($0.offset + 1) }.map { $0.element.trimmingCharacters(in: .whitespaces) })
    }

    @Test("no line of any reference solution appears in the release unless students see it anyway")
    func noSolutionLines() throws {
        // Independent of the regions: a solution line is one of the solution
        // text that is not in any stub. Lines the lessons show outside exercise
        // blocks (primitives being taught), the tool's code and the graded suites
        // (which ship in every release) are not secrets.
        var shown = Set<String>()
        for exercise in course.exercises {
            for file in exercise.files { shown.formUnion(Self.trimmedLines(file.stubText(exercise: exercise))) }
        }
        for lesson in course.lessons { shown.formUnion(try Self.linesOutsideExercises(lesson, root: course.root)) }
        for folder in ["Sources", "Tests/CourseSupport", "Tests/ThreadSanitizerLane"] + course.exercises.map(\.testDirectory) {
            shown.formUnion(SolutionLeakScan.linesOfSwiftFiles(under: course.root.appending(path: folder)))
        }

        var secrets: [String: String] = [:]  // line → exercise
        for exercise in course.exercises {
            for file in exercise.files {
                for line in Self.trimmedLines(file.solutionText(exercise: exercise)) where line.count >= 12 && !shown.contains(line) {
                    secrets[line] = exercise.name
                }
            }
        }
        #expect(secrets.count > 20, "the course should have plenty of distinctive solution lines; found \(secrets.count)")
        for (path, text) in releasedFiles() {
            for line in Self.trimmedLines(text) {
                if let exercise = secrets[line] { Issue.record("\(path) holds a line of the \(exercise) solution: `\(line)`") }
            }
        }
    }

    @Test("every region line the course marks as solution is searched, and none is found")
    func regionScan() {
        let scan = SolutionLeakScan(course: course)
        #expect(scan.lines.count > 20)
        #expect(scan.leaks(in: release.url) == [])
    }

    @Test("the scan finds a solution planted in a release, in Markdown and in highlighted HTML")
    func scanCatchesLeaks() throws {
        let lesson = try #require(course.exercises.first(where: { $0.name == "lock" })?.lesson)
        let original = try String(contentsOf: course.root.appending(path: lesson.path), encoding: .utf8)
        try release.write(original, to: "book/leaked.md")
        let solution = try #require(course.exercises.first(where: { $0.name == "lock" })?.files.first)
        let exercise = try #require(course.exercises.first(where: { $0.name == "lock" }))
        let highlighted = solution.solutionText(exercise: exercise).split(separator: "\n")
            .map { "<span class=\"k\">\($0.replacingOccurrences(of: "<", with: "&lt;"))</span>" }.joined(separator: "\n")
        try release.write(highlighted, to: "book-html/leaked.html")
        let leakedFiles = Set(SolutionLeakScan(course: course).leaks(in: release.url).map(\.file))
        #expect(leakedFiles == ["book/leaked.md", "book-html/leaked.html"])
    }

    @Test("the release holds no Solutions, mutants, accepted variants, authoring guide or tool tests")
    func leftOut() {
        for path in ["Solutions", "Tests/Mutants", "Tests/Accepted", "Tests/WorkbookKitTests", "Tests/Fixtures", "book/AUTHORING.md"] {
            #expect(!release.exists(path), "\(path) must not be released")
        }
        for path in [
            "Exercises/.generated.json", "Tests/CourseSupport", "Tests/grading.json", "Tests/ThreadSanitizerLane",
            "Tests/LockTests/LockTests.swift", "Sources/workbook/Workbook.swift", "book-html/index.html", "README.md",
            "Sources/ScheduleShaker/ScheduleShaker.c", "Sources/ScheduleShaker/include/ScheduleShaker.h",
        ] {
            #expect(release.exists(path), "\(path) must be released")
        }
    }

    @Test("the manifest has no solution targets or SOLUTIONS trait, and builds the workbook tool")
    func manifest() throws {
        let manifest = try #require(release.read("Package.swift"))
        #expect(!manifest.contains("Solution"))
        #expect(!manifest.contains("traits"))
        #expect(manifest.contains(".executable(name: \"workbook\""))
        #expect(manifest.contains("products: toolProducts"), "the tool's products, the schedule shaker's library among them")
        let own = try String(contentsOf: course.root.appending(path: "Package.swift"), encoding: .utf8)
        let tool = try #require(
            own.range(of: "// BEGIN TOOL").flatMap { begin in
                own.range(of: "// END TOOL", range: begin.upperBound..<own.endIndex).map { own[begin.lowerBound..<$0.upperBound] }
            })
        #expect(manifest.contains(tool), "the tool's dependencies and targets, as the course's own manifest has them")
        for exercise in course.exercises { #expect(manifest.contains("\"\(exercise.folder)\"")) }
    }

    @Test("the released lessons define the same exercises with the same stubs, and they are pristine")
    func sameStubs() throws {
        let (released, problems) = try Course.load(root: release.url)
        #expect(problems.filter { $0.severity == .error } == [])
        #expect(released.exercises.map(\.name) == course.exercises.map(\.name))
        for (mine, theirs) in zip(course.exercises, released.exercises) {
            #expect(mine.files.map { $0.stubText(exercise: mine) } == theirs.files.map { $0.stubText(exercise: theirs) })
            #expect(theirs.isPristine(in: release.url))
            #expect(theirs.lesson.hints.count == mine.lesson.hints.count)
        }
        #expect(
            release.read("Exercises/.generated.json")
                == (try? String(contentsOf: course.root.appending(path: "Exercises/.generated.json"), encoding: .utf8)))
    }
}
