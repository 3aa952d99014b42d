import Foundation
import Testing

@testable import WorkbookKit

/// The points of a grade: decided once in ``GradingPolicy``, in hundredths
/// that add up exactly, whatever the weights and the number of tests.
struct GradingPolicyTests {
    static let ids = (1...7).map { "LockTests.LockTests/test\($0)()" }

    func policy(_ json: String) throws -> GradingPolicy {
        try JSONDecoder().decode(GradingPolicy.self, from: Data(json.utf8))
    }

    func cents(_ points: [String: Double]) -> [Int] {
        Self.ids.compactMap { points[$0] }.map { Int(($0 * 100).rounded()) }
    }

    @Test(
        "equal shares add up exactly to the exercise, the odd hundredths going to the earliest tests",
        arguments: [(10.0, 3), (10.0, 7), (1.0, 7), (0.05, 7), (20.0, 6)])
    func equalShares(points: Double, count: Int) throws {
        var policy = GradingPolicy()
        policy.pointsPerExercise = points
        let ids = Array(Self.ids.prefix(count))
        let shares = ids.map { Int(((policy.points(for: "lock", tests: ids)[$0] ?? -1) * 100).rounded()) }
        #expect(shares.reduce(0, +) == Int((points * 100).rounded()))
        #expect(shares.max()! - shares.min()! <= 1, "\(shares)")
        #expect(shares == shares.sorted(by: >), "the odd hundredths go to the earlier tests: \(shares)")
    }

    @Test("weights from grading.json share the exercise's own points in proportion, by the test's function name")
    func weights() throws {
        let policy = try policy(#"{ "exercises": { "lock": { "points": 20, "tests": { "test1": 3, "test2": 0 } } } }"#)
        let points = policy.points(for: "lock", tests: Array(Self.ids.prefix(3)))
        #expect(cents(points) == [1500, 0, 500])
        #expect(policy.maxPoints(for: "lock") == 20)
        #expect(policy.maxPoints(for: "race") == 10, "other exercises keep pointsPerExercise")
    }

    @Test("no test, or only tests weighted 0, gives no points at all rather than dividing by zero")
    func nothingToShare() throws {
        let policy = try policy(#"{ "exercises": { "lock": { "tests": { "test1": 0 } } } }"#)
        #expect(policy.points(for: "lock", tests: []).isEmpty)
        #expect(policy.points(for: "lock", tests: [Self.ids[0]]).isEmpty)
    }

    @Test("a policy that leaves keys out keeps the defaults for them")
    func defaults() throws {
        let policy = try policy(#"{ "threadSanitizer": ["race"] }"#)
        #expect(policy.pointsPerExercise == 10 && policy.secondsPerTest == 10 && policy.secondsPerBuild == 600)
        #expect(policy.threadSanitizer == ["race"] && policy.shakenSchedule.isEmpty && policy.exercises.isEmpty)
    }

    @Test("a grading.json that cannot be read is an error that names the file, not a default policy")
    func damagedFile() throws {
        let folder = try TemporaryFolder()
        try folder.write(#"{ "pointsPerExercise": "ten" }"#, to: "Tests/grading.json")
        #expect {
            _ = try GradingPolicy.load(root: folder.url)
        } throws: { error in
            "\(error)".contains("Tests/grading.json")
        }
    }
}
