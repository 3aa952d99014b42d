import Foundation

/// Every `.teaches("NN-slug#anchor")` in a graded suite must name a real
/// lesson section, so a failing test always points a student somewhere real.
struct TeachesCheck {
    static func problems(course: Course) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for exercise in course.exercises {
            let folder = course.root.appending(path: exercise.testDirectory)
            let files = SwiftFiles.names(in: folder)
            if files.isEmpty {
                problems.append(Diagnostic(exercise.testDirectory, nil, "exercise '\(exercise.name)' has no graded suite"))
            }
            for file in files {
                let path = "\(exercise.testDirectory)/\(file)"
                guard let source = try? String(contentsOf: folder.appending(path: file), encoding: .utf8) else { continue }
                for (section, line) in SuiteIndex.sections(in: source) where !course.resolves(SectionReference(section)) {
                    problems.append(Diagnostic(path, line, "`.teaches(\"\(section)\")` names no lesson section (use \"NN-slug#anchor\")"))
                }
            }
        }
        return problems
    }
}
