import Foundation

/// The whole workbook: its lessons in order and the exercises they define.
public struct Course: Sendable {
    /// The workbook's root folder (holding `book/`, `Package.swift`, …).
    public var root: URL
    /// The lessons that could be read, in number order.
    public var lessons: [Lesson]
    /// The exercises the lessons define, in the order the lessons first name them.
    public var exercises: [Exercise]

    /// A lesson file name: two digits, a hyphen, a slug.
    static func isLessonFileName(_ name: String) -> Bool {
        name.wholeMatch(of: /[0-9]{2}-[a-z0-9][a-z0-9-]*\.md/) != nil
    }

    /// Reads every `book/NN-slug.md` under `root`, in number order.
    ///
    /// - Returns: the course (with the lessons that could be read) and every
    ///   problem found. Throws only when there is no book at all.
    public static func load(root: URL) throws(WorkbookError) -> (Course, [Diagnostic]) {
        let bookURL = root.appending(path: "book")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: bookURL.path)) ?? []
        let lessonNames = names.filter(isLessonFileName).sorted()
        guard !lessonNames.isEmpty else { throw .noBook(path: bookURL.path) }

        var problems: [Diagnostic] = []
        var lessons: [Lesson] = []
        var numbers: [Int: String] = [:]
        for name in lessonNames {
            let path = "book/\(name)"
            let number = Int(name.prefix(2)) ?? 0
            if let other = numbers[number] {
                problems.append(
                    Diagnostic(
                        path, nil,
                        "lesson number \(name.prefix(2)) is already used by \(other); numbers decide the order and must be unique"))
            }
            numbers[number] = path
            guard let data = FileManager.default.contents(atPath: bookURL.appending(path: name).path),
                let text = String(data: data, encoding: .utf8)
            else {
                problems.append(Diagnostic(path, nil, "cannot read lesson (missing permission or not UTF-8 text)"))
                continue
            }
            let reader = LessonReader(path: path, slug: String(name.dropLast(3)), number: number) { file in
                try? String(contentsOf: root.appending(path: file), encoding: .utf8)
            }
            let (lesson, lessonProblems) = reader.read(text)
            problems += lessonProblems
            if let lesson { lessons.append(lesson) }
        }
        let (exercises, exerciseProblems) = collectExercises(lessons)
        return (Course(root: root, lessons: lessons, exercises: exercises), problems + exerciseProblems)
    }

    /// Groups exercise blocks by exercise and file; an exercise lives in one lesson.
    static func collectExercises(_ lessons: [Lesson]) -> ([Exercise], [Diagnostic]) {
        var exercises: [Exercise] = []
        var problems: [Diagnostic] = []
        for lesson in lessons {
            for block in lesson.codeBlocks {
                guard case .exercise(let name, let file) = block.role else { continue }
                if let index = exercises.firstIndex(where: { $0.name == name }) {
                    guard exercises[index].lesson.path == lesson.path else {
                        let folder = exercises[index].folder
                        problems.append(
                            Diagnostic(
                                lesson.path, block.fenceLine,
                                "exercise '\(name)' already comes from \(exercises[index].lesson.path); two lessons cannot both write Solutions/\(folder)/\(file)"
                            ))
                        continue
                    }
                    if let fileIndex = exercises[index].files.firstIndex(where: { $0.name == file }) {
                        exercises[index].files[fileIndex].blocks.append(block)
                    } else {
                        exercises[index].files.append(ExerciseFile(name: file, blocks: [block]))
                    }
                } else {
                    exercises.append(
                        Exercise(
                            name: name, folder: Exercise.folderName(name), lesson: lesson,
                            files: [ExerciseFile(name: file, blocks: [block])]))
                }
            }
        }
        return (exercises, problems)
    }

    /// The exercise named `name` in any case (`lock`, `Lock`), or whose folder is `name`.
    ///
    /// - Throws: ``WorkbookError/unknownExercise(_:known:)``, listing the
    ///   exercises there are.
    public func exercise(named name: String) throws(WorkbookError) -> Exercise {
        guard let exercise = exercises.first(where: { $0.name == name.lowercased() || $0.folder == name }) else {
            throw .unknownExercise(name, known: exercises.map(\.name))
        }
        return exercise
    }

    /// The lesson whose slug is `slug` (`02-locks`), if there is one.
    public func lesson(slug: String) -> Lesson? { lessons.first { $0.slug == slug } }
}
