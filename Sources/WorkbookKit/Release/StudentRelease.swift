import Foundation

/// Writes the student edition of the workbook: a package a student clones,
/// builds and works in, holding no solution.
///
/// It contains the stubs (`Exercises/`), the graded suites and their support
/// code, the lessons with every exercise block stubbed, the student edition
/// of the HTML book, the `workbook` tool's sources, a student README and a
/// manifest without `Solutions/` or the `SOLUTIONS` trait, so `swift test`
/// grades the student's own exercises. Mutants, accepted variants, the
/// authoring guide and the tool's own tests are left out. A final scan
/// (``SolutionLeakScan``) refuses the release if any solution line got in.
public struct StudentRelease {
    /// The course the release is made from.
    public let course: Course

    /// A release of `course`.
    public init(course: Course) { self.course = course }

    /// What a release wrote.
    public struct Report: Sendable {
        /// How many files and folders the release holds.
        public var files: Int
        /// The student edition of the HTML book: its `index.html`.
        public var book: URL
        /// How many distinctive solution lines the leak scan looked for.
        public var distinctiveLinesSearched: Int
    }

    /// - Throws: when `destination` is not empty, when a file cannot be
    ///   written, or with the leaks found (the release is then left for inspection).
    public func write(to destination: URL) throws -> Report {
        let fileManager = FileManager.default
        if let existing = try? fileManager.contentsOfDirectory(atPath: destination.path), !existing.isEmpty {
            throw WorkbookError.invalidSubmission(path: destination.path, reason: "is not empty; release into a new or empty folder")
        }
        try fileManager.createDirectory(at: destination, withIntermediateDirectories: true)
        let files = FileCopier(from: course.root, to: destination)

        for lesson in course.lessons {
            let source = try String(contentsOf: course.root.appending(path: lesson.path), encoding: .utf8)
            try files.write(ReleaseBook.studentText(of: lesson, source: source), to: lesson.path)
        }
        try files.copy("book/theme")
        for included in Set(course.lessons.flatMap(\.includes)).sorted() {
            try files.copy(included)
        }
        var manifest: [String: String] = [:]
        for exercise in course.exercises {
            for file in exercise.files {
                let path = "\(exercise.exerciseDirectory)/\(file.name)"
                let stub = file.stubText(exercise: exercise)
                try files.write(stub, to: path)
                manifest[path] = Fingerprint.of(stub)
            }
        }
        for suite in ReleaseLayout.suites(of: course) {
            try files.copy(suite)
        }
        try GeneratedFileWriter.saveManifest(manifest, root: destination)
        // No Package.resolved: its commit ids belong to this machine's package
        // mirror; the release resolves its one dependency afresh.
        for path in ReleaseLayout.toolFiles {
            try files.copy(path, optional: true)
        }
        try files.write(ReleasePackage.manifest(course), to: "Package.swift")
        try files.write(ReleasePackage.readme(course), to: "README.md")
        try files.write(ReleasePackage.gitignore, to: ".gitignore")

        // The book is rendered from the released lessons: it cannot show what they do not hold.
        let (released, _) = try Course.load(root: destination)
        var renderer = BookRenderer(course: released, edition: .student)
        // In the course's .build: nothing of the tool's goes into the release.
        renderer.highlightCache = course.root.appending(path: ".build/workbook/highlighted-release.json")
        let book = try renderer.render(to: destination.appending(path: "book-html"))

        let scan = SolutionLeakScan(course: course)
        let leaks = scan.leaks(in: destination)
        guard leaks.isEmpty else {
            throw WorkbookError.problems(leaks.map { Diagnostic($0.file, nil, "solution code in the release: `\($0.line)`") })
        }
        let count = fileManager.enumerator(atPath: destination.path)?.allObjects.count ?? 0
        return Report(files: count, book: book.indexPage, distinctiveLinesSearched: scan.lines.count)
    }
}
