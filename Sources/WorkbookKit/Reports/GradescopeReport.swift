import Foundation

/// `results.json` in Gradescope's autograder format, uploadable as is: only
/// the fields its specification lists (`Tests/Schemas/gradescope-results.schema.json`).
public enum GradescopeReport {
    struct Results: Encodable {
        var score: Double
        var execution_time: Int
        var output: String
        /// Gradescope renders `output` as HTML unless told otherwise.
        var output_format = "text"
        var tests: [Test]
        /// Not shown to students; the total the score is out of.
        var extra_data: ExtraData
    }

    struct ExtraData: Encodable {
        var max_score: Double
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

    /// `result` as Gradescope's `results.json`: one test per graded test with
    /// its points, and the notices about the submission as its output.
    public static func json(_ result: SubmissionResult) throws -> Data {
        var tests: [Test] = []
        for exercise in result.exercises {
            for test in exercise.tests {
                var output = test.status == .passed ? "" : "\(test.status.rawValue): \(test.message)"
                if let section = test.section { output += (output.isEmpty ? "" : "\n") + "Taught in \(section.bookPath)" }
                tests.append(
                    Test(
                        name: "\(exercise.exercise): \(test.name)", score: test.points,
                        max_score: test.maxPoints, status: test.status == .passed ? "passed" : "failed", output: output))
            }
        }
        let notes = (result.notices + ["Limits on the code under test: \(result.sandbox.joined(separator: "; "))"])
            .joined(separator: "\n")
        let results = Results(
            score: result.score, execution_time: Int(result.seconds.rounded()),
            output: notes, tests: tests, extra_data: ExtraData(max_score: result.maxScore))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(results)
    }
}
