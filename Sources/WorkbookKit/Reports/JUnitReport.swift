import Foundation
import XMLCoder

/// The grade as JUnit XML, the format CodeGrade, Artemis, GitLab and
/// Jenkins read: one `<testsuite>` per exercise, one `<testcase>` per graded
/// test. A test that did not pass is a `<failure>` when it ran and gave the
/// wrong answer, an `<error>` when it could not finish (crash, time-out, race,
/// compile error); the tests of an exercise that was not started are
/// `<skipped>`. Points are given as properties, since JUnit has none.
public enum JUnitReport {
    struct TestSuites: Encodable, DynamicNodeEncoding {
        var name: String
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int
        var time: String
        var testsuite: [TestSuite]

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "testsuite" ? .element : .attribute
        }
    }

    struct TestSuite: Encodable, DynamicNodeEncoding {
        var name: String
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int
        var time: String
        var properties: Properties
        var testcase: [TestCase]

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            ["properties", "testcase"].contains(key.stringValue) ? .element : .attribute
        }
    }

    struct Properties: Encodable {
        var property: [Property]
    }

    struct Property: Encodable, DynamicNodeEncoding {
        var name: String
        var value: String
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }

    struct TestCase: Encodable, DynamicNodeEncoding {
        var name: String
        var classname: String
        var time: String
        var failure: Problem?
        var error: Problem?
        var skipped: Problem?

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            ["failure", "error", "skipped"].contains(key.stringValue) ? .element : .attribute
        }
    }

    struct Problem: Encodable, DynamicNodeEncoding {
        var message: String
        var type: String
        var text: String

        enum CodingKeys: String, CodingKey {
            case message, type
            case text = ""
        }

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue.isEmpty ? .element : .attribute
        }
    }

    /// `result` as a JUnit XML document: one `<testsuite>` per exercise,
    /// under a `<testsuites>` named after the submission.
    public static func xml(_ result: SubmissionResult) throws -> Data {
        let suites = result.exercises.map(suite)
        let report = TestSuites(
            name: clean(result.submission),
            tests: suites.map(\.tests).reduce(0, +),
            failures: suites.map(\.failures).reduce(0, +),
            errors: suites.map(\.errors).reduce(0, +),
            skipped: suites.map(\.skipped).reduce(0, +),
            time: seconds(result.seconds), testsuite: suites)
        let encoder = XMLEncoder()
        encoder.outputFormatting = [.prettyPrinted]
        return try encoder.encode(
            report, withRootKey: "testsuites",
            header: XMLHeader(version: 1.0, encoding: "UTF-8"))
    }

    private static func suite(_ exercise: ExerciseResult) -> TestSuite {
        let notStarted = exercise.verdict == .notStarted
        let cases = exercise.tests.map { test in
            var testCase = TestCase(name: clean(test.name), classname: exercise.exercise, time: seconds(test.seconds))
            let text = clean(
                [test.message, test.section.map { "Taught in \($0.bookPath)" }]
                    .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n"))
            let firstLine = String(text.split(separator: "\n").first ?? "")
            if notStarted {
                testCase.skipped = Problem(
                    message: "not started: the exercise is missing or still the pristine stub", type: "not started", text: "")
            } else if test.status == .failed {
                testCase.failure = Problem(message: firstLine, type: test.status.rawValue, text: text)
            } else if test.status != .passed {
                testCase.error = Problem(message: firstLine, type: test.status.rawValue, text: text)
            }
            return testCase
        }
        let properties =
            [
                Property(name: "points", value: Gradebook.format(exercise.points)),
                Property(name: "max_points", value: Gradebook.format(exercise.maxPoints)),
                Property(name: "verdict", value: exercise.verdict.rawValue),
            ]
            + exercise.compileErrors.prefix(5).map { Property(name: "compile_error", value: clean($0)) }
        return TestSuite(
            name: exercise.exercise, tests: cases.count,
            failures: cases.filter { $0.failure != nil }.count,
            errors: cases.filter { $0.error != nil }.count,
            skipped: cases.filter { $0.skipped != nil }.count,
            time: seconds(exercise.seconds), properties: Properties(property: properties), testcase: cases)
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

    /// `text` without the characters XML 1.0 cannot carry (most control
    /// characters, which test output may hold); the encoder escapes the rest.
    static func clean(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.filter { scalar in
                    switch scalar.value {
                    case 0x9, 0xA, 0xD: true
                    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
                    default: false
                    }
                }))
    }
}
