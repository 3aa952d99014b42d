import Foundation

/// `results.json` in Gradescope's autograder format, uploadable as is.
public enum GradescopeReport {
    struct Results: Encodable {
        var score: Double
        var max_score: Double
        var execution_time: Double
        var output: String
        /// Gradescope renders `output` as HTML unless told otherwise.
        var output_format = "text"
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var score: Double
        var max_score: Double
        var status: String
        var output: String
        var output_format = "text"
        var visibility = "visible"
    }

    public static func json(_ result: SubmissionResult) throws -> Data {
        var tests: [Test] = []
        for exercise in result.exercises {
            for test in exercise.tests {
                var output = test.status == .passed ? "" : "\(test.status.rawValue): \(test.message)"
                if let section = test.teaches { output += (output.isEmpty ? "" : "\n") + "Taught in book/\(section.replacingOccurrences(of: "#", with: ".md#"))" }
                tests.append(Test(name: "\(exercise.exercise): \(test.name)", score: test.points,
                                  max_score: test.maxPoints, status: test.status == .passed ? "passed" : "failed", output: output))
            }
        }
        let notes = (result.notices + ["Limits on the code under test: \(result.sandbox.joined(separator: "; "))"])
            .joined(separator: "\n")
        let results = Results(score: result.score, max_score: result.maxScore, execution_time: result.seconds.rounded(),
                              output: notes, tests: tests)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(results)
    }
}

/// A class's gradebook: one row per submission, one column per exercise.
public enum Gradebook {
    public static func csv(_ results: [SubmissionResult], exercises: [String]) -> String {
        var lines = [(["submission"] + exercises + ["total"]).map(field).joined(separator: ",")]
        for result in results {
            let scores = exercises.map { name in
                result.exercises.first { $0.exercise == name }.map { format($0.points) } ?? ""
            }
            lines.append(([field(result.submission)] + scores + [format(result.score)]).joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.2f", rounded)
    }

    /// RFC 4180 quoting.
    private static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
