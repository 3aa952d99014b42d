import Foundation

/// Every `.teaches("NN-slug#anchor")` in a graded suite must name a real
/// lesson section, so a failing test always points a student somewhere real.
enum TeachesCheck {
    static func references(in source: String) -> [(section: String, line: Int)] {
        source.split(separator: "\n", omittingEmptySubsequences: false).enumerated().flatMap { index, line in
            line.matches(of: /\.teaches\("([^"]*)"\)/).map { (String($0.1), index + 1) }
        }
    }

    static func problems(course: Course) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for exercise in course.exercises {
            let folder = course.root.appending(path: exercise.testDirectory)
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".swift") }.sorted()
            if files.isEmpty {
                problems.append(Diagnostic(exercise.testDirectory, nil, "exercise '\(exercise.name)' has no graded suite"))
            }
            for file in files {
                let path = "\(exercise.testDirectory)/\(file)"
                guard let source = try? String(contentsOf: folder.appending(path: file), encoding: .utf8) else { continue }
                for (section, line) in references(in: source) where !course.resolves(section) {
                    problems.append(Diagnostic(path, line, "`.teaches(\"\(section)\")` names no lesson section (use \"NN-slug#anchor\")"))
                }
            }
        }
        return problems
    }
}

extension Course {
    /// Whether `02-locks#anchor` (or `02-locks`) names a lesson and heading.
    func resolves(_ reference: String) -> Bool {
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let slug = parts.first, let lesson = lesson(slug: slug.replacingOccurrences(of: ".md", with: "")) else { return false }
        return parts.count == 1 || lesson.headings.contains { $0.anchor == parts[1] }
    }
}
