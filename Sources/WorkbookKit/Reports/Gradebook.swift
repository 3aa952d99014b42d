import CSV
import Foundation

/// A class's gradebook, made from grade records: one row per submission,
/// joined to a roster of student identifiers when one is given, laid out
/// for a spreadsheet or for an LMS's grade import.
public struct Gradebook: Sendable {
    /// How the CSV is laid out.
    public enum Layout: String, Sendable, CaseIterable {
        /// Every exercise's points and status, the total and an overall status.
        case spreadsheet
        /// Canvas's gradebook import: `Student, ID, SIS User ID, SIS Login ID,
        /// Section`, a "Points Possible" row, then the assignment's column.
        case canvas
        /// Moodle's grade import: the roster's identifier columns, the grade
        /// and a feedback text, to be mapped in Moodle's import form.
        case moodle
    }

    /// The grade records, one row each, in order.
    public let results: [SubmissionResult]
    /// The report folder name of each result (the name a roster refers to).
    public let names: [String]
    /// The exercises given columns, by name, in order.
    public let exercises: [String]
    /// The class list whose identifier columns are joined to each row; the
    /// Canvas and Moodle layouts need one.
    public var roster: Roster?
    /// How the CSV is laid out.
    public var layout: Layout = .spreadsheet
    /// The assignment's column heading in an LMS layout.
    public var assignment = "Swift Threading Workbook"

    /// A gradebook of `results`, each named as in `names` (its submission's
    /// name when `nil`), with columns for `exercises`.
    public init(results: [SubmissionResult], names: [String]? = nil, exercises: [String]) {
        self.results = results
        self.names = names ?? results.map(\.submission)
        self.exercises = exercises
    }

    /// What a submission's grade comes to, in one word or two.
    public static func status(of result: SubmissionResult) -> String {
        if result.graderError != nil { return "grader error" }
        let statuses = result.exercises.map(status(of:))
        if statuses.allSatisfy({ $0 == "passed" }) { return "passed" }
        if statuses.allSatisfy({ $0 == "not started" }) { return "not started" }
        if statuses.contains("did not compile") { return "did not compile" }
        return "failed"
    }

    /// One exercise's status: passed, failed, did not compile or not started.
    public static func status(of exercise: ExerciseResult) -> String {
        switch exercise.verdict {
        case .passed: "passed"
        case .notStarted: "not started"
        case .failed: "failed"
        case .error: exercise.compileErrors.isEmpty ? "failed" : "did not compile"
        }
    }

    /// The submissions that no roster row names (empty without a roster).
    public var unmatched: [String] {
        guard let roster else { return [] }
        return names.filter { roster.row(for: $0) == nil }
    }

    /// The gradebook as CSV text, laid out as ``layout`` says.
    ///
    /// - Throws: ``WorkbookError/usage(_:)`` when an LMS layout has no
    ///   roster, or the roster lacks a column the layout needs.
    public func csv() throws -> String {
        switch layout {
        case .spreadsheet: try spreadsheet()
        case .canvas: try canvas()
        case .moodle: try moodle()
        }
    }

    private func spreadsheet() throws -> String {
        let identity = roster?.header.filter { $0 != roster?.key } ?? []
        var rows = [["submission"] + identity + exercises + ["total", "max", "status"] + exercises.map { "\($0) status" }]
        for (name, result) in zip(names, results) {
            let person = roster?.row(for: name)
            let cells = exercises.map { exercise in result.exercises.first { $0.exercise == exercise } }
            rows.append(
                [name] + identity.map { person?[$0] ?? "" }
                    + cells.map { $0.map { Self.format($0.points) } ?? "" }
                    + [Self.format(result.score), Self.format(result.maxScore), Self.status(of: result)]
                    + cells.map { $0.map(Self.status(of:)) ?? "" })
        }
        return try Self.write(rows)
    }

    private static let canvasIdentity = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]

    private func canvas() throws -> String {
        let roster = try requireRoster(columns: Self.canvasIdentity)
        let maxScore = results.map(\.maxScore).max() ?? 0
        var rows = [
            Self.canvasIdentity + [assignment],
            ["    Points Possible", "", "", "", "", Self.format(maxScore)],
        ]
        for person in roster.rows where !Self.isPointsPossible(person) {
            let score = roster.key.flatMap { person[$0] }.flatMap(result(named:)).map { Self.format($0.score) } ?? ""
            rows.append(Self.canvasIdentity.map { person[$0] ?? "" } + [score])
        }
        return try Self.write(rows)
    }

    private func moodle() throws -> String {
        let roster = try requireRoster(columns: [])
        let identity = roster.header
        var rows = [identity + [assignment, "Feedback"]]
        for person in roster.rows {
            guard let result = roster.key.flatMap({ person[$0] }).flatMap(result(named:)) else { continue }
            let feedback = result.exercises.map {
                "\($0.exercise) \(Self.format($0.points))/\(Self.format($0.maxPoints)) \(Self.status(of: $0))"
            }
            .joined(separator: "; ")
            rows.append(identity.map { person[$0] ?? "" } + [Self.format(result.score), feedback])
        }
        return try Self.write(rows)
    }

    private func result(named name: String) -> SubmissionResult? {
        names.firstIndex(of: name).map { results[$0] }
    }

    private func requireRoster(columns: [String]) throws(WorkbookError) -> Roster {
        guard let roster else {
            throw .usage("the \(layout.rawValue) layout needs a roster (--roster): the LMS's own export of its students")
        }
        let missing = columns.filter { !roster.header.contains($0) }
        guard missing.isEmpty else {
            throw .usage(
                "\(roster.path): the \(layout.rawValue) layout needs the columns \(missing.joined(separator: ", ")) (export the gradebook from \(layout.rawValue) and pass it as the roster)"
            )
        }
        return roster
    }

    private static func isPointsPossible(_ row: [String: String]) -> Bool {
        row["Student"]?.trimmingCharacters(in: .whitespaces) == "Points Possible"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    private static func write(_ rows: [[String]]) throws -> String {
        let writer = try CSVWriter(stream: .toMemory())
        for row in rows { try writer.write(row: row) }
        writer.stream.close()
        let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
