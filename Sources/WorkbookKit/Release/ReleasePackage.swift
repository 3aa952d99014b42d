/// The texts a student edition is made of besides the course's own files.
enum ReleasePackage {
    /// `Package.swift` of the student edition: each exercise module and its
    /// suite, and the `workbook` tool, whose part (its products, dependencies
    /// and targets) is copied from the course's own manifest, between
    /// `// BEGIN TOOL` and `// END TOOL`, so it is written once. No
    /// `Solutions/` and no `SOLUTIONS` trait, so the suites' `#else` branch
    /// imports `<Name>Exercise`.
    static func manifest(_ course: Course) throws(WorkbookError) -> String {
        let source = (try? String(contentsOf: course.root.appending(path: "Package.swift"), encoding: .utf8)) ?? ""
        guard let begin = source.range(of: "// BEGIN TOOL"),
            let end = source.range(of: "// END TOOL\n", range: begin.upperBound..<source.endIndex)
        else {
            throw .problems([
                Diagnostic(
                    "Package.swift", nil,
                    "the tool's part (between `// BEGIN TOOL` and `// END TOOL`) is missing, so the student edition cannot build the tool")
            ])
        }
        let tool = String(source[begin.lowerBound..<end.upperBound])
        return """
            // swift-tools-version: 6.2
            // The student edition of the Swift Threading Workbook, written by `workbook release`.
            import PackageDescription

            /// The exercises, in lesson order: your code in `Exercises/<Name>/`,
            /// its graded suite in `Tests/<Name>Tests/`.
            \(PackageExerciseList.line(for: course))

            let exerciseTargets: [Target] = exercises.flatMap { name -> [Target] in
                [
                    .target(name: "\\(name)Exercise", path: "Exercises/\\(name)"),
                    .testTarget(name: "\\(name)Tests", dependencies: ["CourseSupport", .target(name: "\\(name)Exercise")]),
                ]
            }

            \(tool)
            let package = Package(
                name: "SwiftThreadingWorkbook",
                products: toolProducts,
                dependencies: toolDependencies,
                targets: toolTargets + exerciseTargets
            )

            """
    }

    static let gitignore = """
        .build*/
        .swiftpm/
        Package.resolved
        /graded/
        Exercises/.backups/

        """

    /// The student's README: how to start, the commands, where things are.
    static func readme(_ course: Course) -> String {
        let lessons = course.lessons.map { lesson -> String in
            let exercises = lesson.exerciseNames.map { "`\($0)`" }.joined(separator: ", ")
            return "| `\(lesson.path)` | \(lesson.title) | \(exercises.isEmpty ? "—" : exercises) |"
        }
        return """
            # Swift Threading Workbook

            Threads, locks, daemon threads, semaphores, producer–consumer queues,
            scoped locking and race conditions in Swift 6 on Linux, learnt by
            writing them. Each lesson ends
            in an exercise; its tests tell you what is still missing and which
            section of the lesson explains it.

            ## Start

            ```sh
            bash .ci/setup        # installs libcmark-dev if it is missing
            swift run workbook    # where you are and what to do next
            ```

            Read the lessons in `book/` (or open `book-html/index.html` in a
            browser), then work in `Exercises/`.

            ## Commands

            | command | what it does |
            |---|---|
            | `swift run workbook` | every exercise with its state (passing, failing and why, not started) and what to do next |
            | `swift run workbook test <exercise>` | runs one exercise's tests: each property in words, why it failed and the section to read |
            | `swift run workbook watch` | re-runs the current exercise's tests each time you save, and moves on when it passes (`h` hint, `q` or Ctrl-C quits) |
            | `swift run workbook hint <exercise>` | the next hint, one more each time |
            | `swift run workbook reset <exercise>` | puts the stub back; your version is kept in `Exercises/.backups/` |
            | `swift run workbook grade .` | grades everything as your instructor will |
            | `swift test` | the graded suites as plain Swift Testing runs (no time limits or isolation) |

            A test that deadlocks is stopped after the time limit and reported as
            "timed out": your terminal never hangs.

            ## The lessons

            | lesson | title | exercises |
            |---|---|---|
            \(lessons.joined(separator: "\n"))

            Only the files in `Exercises/` are graded; the suites in `Tests/`
            are the ones your instructor runs.

            """
    }
}
