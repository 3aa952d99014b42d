import CSV
import Foundation

/// A class list: a CSV with a header row, one row per student, one of whose
/// columns names each student's submission (its report folder).
public struct Roster: Sendable {
    /// The roster's file, as its diagnostics name it.
    public let path: String
    /// The column names of the header row, in order.
    public let header: [String]
    /// Each student's row, by column name (blank rows left out).
    public let rows: [[String: String]]
    /// The column that holds submission names: `submission` when there is
    /// one, else the column whose values name the most submissions.
    public let key: String?

    /// Reads a roster from CSV `text` (a byte-order mark allowed) and picks
    /// its ``key`` column by the names in `submissions`.
    ///
    /// - Throws: when `text` is not CSV or has no header row, naming `path`.
    public init(path: String, text: String, submissions: [String]) throws(WorkbookError) {
        self.path = path
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var header: [String] = []
        var rows: [[String: String]] = []
        do {
            let reader = try CSVReader(string: body, hasHeaderRow: true)
            header = reader.headerRow ?? []
            while let row = reader.next() {
                guard row.contains(where: { !$0.isEmpty }) else { continue }
                rows.append(Dictionary(zip(header, row), uniquingKeysWith: { first, _ in first }))
            }
        } catch {
            throw .problems([Diagnostic(path, nil, "cannot read the roster: \(error)")])
        }
        guard !header.isEmpty else { throw .problems([Diagnostic(path, nil, "the roster has no header row")]) }
        self.header = header
        self.rows = rows
        let wanted = Set(submissions)
        if header.contains("submission") {
            key = "submission"
        } else {
            let counts = header.map { column in (column, rows.filter { wanted.contains($0[column] ?? "") }.count) }
            key = counts.filter { $0.1 > 0 }.max { $0.1 < $1.1 }?.0
        }
    }

    /// The roster row naming `submission`.
    public func row(for submission: String) -> [String: String]? {
        guard let key else { return nil }
        return rows.first { $0[key] == submission }
    }
}
