import Foundation
import Testing
@testable import WorkbookKit

/// The shaken-schedule lane through the real grader and sandbox: the seed
/// given to the grader reaches the test process with the library, a test
/// that fails only there fails with the seed and the command that replays
/// it, and the reference solutions pass with a shaken schedule.
/// ThreadSanitizer is left out: it is not what is tested here.
@Suite(.serialized)
struct ShakenScheduleLaneTests {
    let course: Course
    let grader: Grader

    init() throws {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        course = try Course.load(root: root).0
        var policy = try GradingPolicy.load(root: root)
        policy.threadSanitizer = []
        policy.shakenSchedule = course.exercises.map(\.name)
        var grader = Grader(course: course, policy: policy, workspace: "grading-shaken-tests")
        grader.seed = 1234
        self.grader = grader
    }

    @Test("a test that fails only in the lane fails, saying it took a shaken schedule, with the seed and the replay command")
    func failureOnlyInTheLane() async throws {
        // A lock that misbehaves only where the lane's seed is set: a
        // stand-in for a timing bug that only a shaken schedule shows.
        var sources = grader.solutions
        let lock = try #require(sources["lock"]?["Lock.swift"])
        let signature = "public func tryLock() -> Bool {"
        try #require(lock.contains(signature))
        sources["lock"]?["Lock.swift"] = lock.replacingOccurrences(
            of: signature,
            with: signature + """

                    if ProcessInfo.processInfo.environment["WORKBOOK_SHAKE_SEED"] == "1234" { return false }
                """)
        let submission = Submission(name: "shaken only", folder: course.root, sources: sources, ignored: [])
        let grader = grader
        let result = try await offThePool { try grader.grade(submission, only: ["lock"]) }
        let exercise = try #require(result.exercises.first)
        let failed = exercise.tests.filter { $0.status != .passed }
        #expect(!failed.isEmpty, "tryLock() failing only in the lane went unnoticed")
        #expect(exercise.verdict == .failed && exercise.points < exercise.maxPoints)
        for test in failed {
            #expect(test.seenOnlyIn == .shakenSchedule)
            #expect(
                test.message.split(separator: "\n").first?.hasSuffix(
                    "(seen only with a shaken schedule: replay with `workbook test lock --seed 1234`)") == true, "\(test.message)")
        }
        // The tests tryLock() does not touch still pass in the lane.
        #expect(exercise.tests.contains { $0.status == .passed })
    }

    @Test("the reference solutions pass with a shaken schedule")
    func referencePasses() async throws {
        let submission = Submission(name: "reference", folder: course.root, sources: grader.solutions, ignored: [])
        let grader = grader
        let result = try await offThePool { try grader.grade(submission) }
        for exercise in result.exercises {
            #expect(exercise.verdict == .passed, "\(exercise.exercise): \(exercise.firstProblem.map { "\($0.name): \($0.message)" } ?? "")")
        }
        #expect(result.score == result.maxScore)
    }
}
