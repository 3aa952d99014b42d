import Foundation

/// The table `workbook bench` prints.
public struct BenchReport: Sendable {
    /// The exercise that was timed, by name.
    public var exercise: String
    /// The names of the measurements, one row each, in the order the subjects
    /// first printed them.
    public var measurements: [String]
    /// One column per subject: the student's first, then the reference (when
    /// there is one) and the platform's primitive.
    public var columns: [BenchColumn]

    /// Parses the lines the timing program prints: `name<TAB>ns<TAB>ok|problem`.
    static func column(_ title: String, output: String, failure: String?) -> (BenchColumn, [String]) {
        var column = BenchColumn(title: title, nanoseconds: [:], problems: [:], failure: failure)
        var names: [String] = []
        for line in output.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3, let value = Double(fields[1]) else { continue }
            names.append(fields[0])
            column.nanoseconds[fields[0]] = value
            if fields[2] != "ok" { column.problems[fields[0]] = fields[2] }
        }
        return (column, names)
    }

    /// A plain-text table: one row per measurement, one column per subject,
    /// then the student's figure as a multiple of the reference's.
    public var text: String {
        let header = ["measurement (ns per operation, lower is faster)"] + columns.map(\.title) + ["yours ÷ reference"]
        var rows = [header]
        for name in measurements {
            var row = [name]
            for column in columns {
                if let value = column.nanoseconds[name] {
                    row.append(Self.format(value) + (column.problems[name] == nil ? "" : " (!)"))
                } else {
                    row.append(column.failure == nil ? "–" : "failed")
                }
            }
            if columns.first?.problems[name] != nil {
                row.append("wrong result")
            } else if let yours = columns.first?.nanoseconds[name],
                let reference = columns.first(where: { $0.title == "reference" })?.nanoseconds[name], reference > 0
            {
                row.append(String(format: "%.2f×", yours / reference))
            } else {
                row.append("–")
            }
            rows.append(row)
        }
        let widths = header.indices.map { index in rows.map { $0[index].count }.max() ?? 0 }
        var lines = rows.map { row in
            row.enumerated().map { index, cell in
                index == 0
                    ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        lines.insert(String(repeating: "-", count: lines[0].count), at: 1)
        for column in columns {
            if let failure = column.failure { lines.append("\(column.title): \(failure)") }
            for name in measurements { if let problem = column.problems[name] { lines.append("(!) \(column.title), \(name): \(problem)") } }
        }
        return lines.joined(separator: "\n")
    }

    static func format(_ nanoseconds: Double) -> String {
        nanoseconds >= 100 ? String(format: "%.0f", nanoseconds) : String(format: "%.1f", nanoseconds)
    }
}
