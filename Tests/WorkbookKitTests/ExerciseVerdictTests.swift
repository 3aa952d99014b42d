import Foundation
import Testing

@testable import WorkbookKit

/// How an exercise's test verdicts become its points and its verdict.
struct ExerciseVerdictTests {
    let grader: Grader
    let lock: Exercise
    let ids = ["LockTests.LockTests/a()", "LockTests.LockTests/b()", "LockTests.LockTests/c()"]

    init() throws {
        let course = try Course.load(root: LaneMergeTests.root).0
        grader = Grader(course: course, policy: GradingPolicy(), workspace: "unused")
        lock = try course.exercise(named: "lock")
    }

    func judged(_ statuses: [TestResult.Status], notStarted: Bool = false) -> ExerciseResult {
        let tests = Dictionary(
            uniqueKeysWithValues: zip(ids, statuses).map {
                ($0, TestResult(id: $0, name: $0, status: $1, message: "", teaches: nil, seconds: 0))
            })
        return grader.result(
            for: lock, ids: ids, tests: tests, index: nil, compileErrors: [], refused: [], notStarted: notStarted)
    }

    @Test("every test passed: full points, in hundredths that add up exactly, and a pass")
    func allPassed() {
        let result = judged([.passed, .passed, .passed])
        #expect(result.verdict == .passed && result.points == 10 && result.maxPoints == 10)
        #expect(result.tests.map(\.points) == [3.34, 3.33, 3.33])
    }

    @Test("a wrong answer costs its test's points; an error (time-out, crash, race) makes the verdict an error")
    func failuresAndErrors() {
        let failed = judged([.passed, .failed, .passed])
        #expect(failed.verdict == .failed && failed.points == 6.67)
        for error in [TestResult.Status.timedOut, .crashed, .raceDetected, .notReported, .notRun] {
            let result = judged([.passed, .passed, error])
            #expect(result.verdict == .error && result.points == 6.67, "\(error)")
        }
    }

    @Test("a test with no verdict at all is reported as not reported, and earns nothing")
    func missingVerdict() {
        let result = judged([.passed, .passed])
        #expect(result.tests.last?.status == .notReported && result.tests.last?.points == 0)
        #expect(result.verdict == .error)
    }

    @Test("an untouched stub earns nothing, even for the tests it passes, and says why")
    func notStarted() {
        let result = judged([.passed, .failed, .passed], notStarted: true)
        #expect(result.verdict == .notStarted && result.points == 0)
        #expect(result.tests.allSatisfy { $0.points == 0 })
        #expect(result.tests.first?.message.contains("untouched stub earns nothing") == true)
    }
}
