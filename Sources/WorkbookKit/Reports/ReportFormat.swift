import Foundation

/// The files a grade is written as, in a submission's report folder. Every
/// one presents the same grade record, `grade.json`, which is always
/// written (`workbook gradebook` rebuilds a class's gradebook from it).
public enum ReportFormat: String, Sendable, CaseIterable {
    /// `results.json`, Gradescope's autograder format.
    case gradescope
    /// `junit.xml`.
    case junit
    /// `classroom/<exercise>.json`, what GitHub Classroom's reporter reads.
    case githubClassroom = "github-classroom"
    /// `feedback.html`, a page for the student.
    case html

    /// What `workbook grade` writes unless told otherwise.
    public static let standard: Set<ReportFormat> = [.gradescope, .html]

    /// The name of the grade record in every report folder.
    public static let record = "grade.json"

    /// Writes `result` into `folder` in each of `formats`, and its record.
    static func write(_ result: SubmissionResult, formats: Set<ReportFormat>, course: Course, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(result).write(to: folder.appending(path: record))
        for format in formats {
            switch format {
            case .gradescope:
                try GradescopeReport.json(result).write(to: folder.appending(path: "results.json"))
            case .junit:
                try JUnitReport.xml(result).write(to: folder.appending(path: "junit.xml"))
            case .githubClassroom:
                let runners = folder.appending(path: "classroom")
                try FileManager.default.createDirectory(at: runners, withIntermediateDirectories: true)
                for runner in try ClassroomReport.runners(result) {
                    try runner.json.write(to: runners.appending(path: "\(runner.name).json"))
                }
            case .html:
                try FeedbackPage.html(result, course: course)
                    .write(to: folder.appending(path: "feedback.html"), atomically: true, encoding: .utf8)
            }
        }
    }

    /// The grade records under `folder` (one per report folder), in the
    /// folders' order, each with its folder's name.
    public static func records(in folder: URL) throws -> [(name: String, result: SubmissionResult)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.compactMap { name in
            let file = folder.appending(path: "\(name)/\(record)")
            guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
            do {
                return (name, try JSONDecoder().decode(SubmissionResult.self, from: data))
            } catch {
                throw WorkbookError.problems([Diagnostic(file.path, nil, "not a grade record: \(error)")])
            }
        }
    }
}
