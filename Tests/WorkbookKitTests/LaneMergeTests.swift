import Foundation
import Testing

@testable import WorkbookKit

/// How the lanes' verdicts become one: the normal lane decides, and another
/// lane can only turn a pass into its own failure, saying which lane saw it.
struct LaneMergeTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let grader: Grader
    let schedule = ShakenSchedule(seed: 4242)

    init() throws {
        let course = try Course.load(root: Self.root).0
        grader = Grader(course: course, policy: GradingPolicy(), workspace: "unused")
    }

    func result(_ id: String, _ status: TestResult.Status, _ message: String = "") -> TestResult {
        TestResult(id: id, name: id, status: status, message: message, teaches: nil, seconds: 0)
    }

    func lane(_ kind: TestResult.Lane, _ results: [TestResult]) -> Grader.Lane {
        Grader.Lane(
            exercise: "lock", kind: kind,
            outcome: SuiteRunner.Outcome(results: Dictionary(uniqueKeysWithValues: results.map { ($0.id, $0) })), seconds: 1)
    }

    @Test("a pass that ThreadSanitizer reports as a race takes the race, marked as seen only under the sanitizer")
    func sanitizerTurnsAPass() {
        var tests = ["a": result("a", .passed), "b": result("b", .passed)]
        grader.merge(
            lane(.threadSanitizer, [result("a", .raceDetected, "WARNING: ThreadSanitizer: data race"), result("b", .passed)]),
            into: &tests, schedule: schedule)
        #expect(tests["a"]?.status == .raceDetected)
        #expect(tests["a"]?.message == "under ThreadSanitizer: WARNING: ThreadSanitizer: data race")
        #expect(tests["a"]?.seenOnlyIn == .threadSanitizer)
        #expect(tests["b"]?.status == .passed && tests["b"]?.seenOnlyIn == nil)
    }

    @Test("a failure only a shaken schedule shows names the seed that replays it, before the message's details")
    func shakenScheduleNamesItsSeed() throws {
        var tests = ["a": result("a", .passed)]
        grader.merge(lane(.shakenSchedule, [result("a", .failed, "Expectation failed\ndetails")]), into: &tests, schedule: schedule)
        let merged = try #require(tests["a"])
        #expect(merged.status == .failed && merged.seenOnlyIn == .shakenSchedule)
        #expect(merged.message.hasPrefix("Expectation failed (seen only with a shaken schedule: replay with `"), "\(merged.message)")
        #expect(merged.message.contains("--seed 4242") && merged.message.hasSuffix("\ndetails"), "\(merged.message)")
    }

    @Test("the normal lane's own failure is kept as it is, and no lane turns a failure into a pass")
    func normalVerdictsStand() {
        var tests = ["a": result("a", .failed, "wrong count"), "b": result("b", .timedOut, "timed out")]
        for other in [
            lane(.threadSanitizer, [result("a", .raceDetected, "race"), result("b", .passed)]),
            lane(.shakenSchedule, [result("a", .passed), result("b", .crashed, "crash")]),
        ] {
            grader.merge(other, into: &tests, schedule: schedule)
        }
        #expect(tests["a"]?.status == .failed && tests["a"]?.message == "wrong count" && tests["a"]?.seenOnlyIn == nil)
        #expect(tests["b"]?.status == .timedOut && tests["b"]?.message == "timed out")
    }

    @Test("a test another lane did not report keeps the normal lane's verdict")
    func unreportedInOtherLane() {
        var tests = ["a": result("a", .passed)]
        grader.merge(lane(.threadSanitizer, []), into: &tests, schedule: schedule)
        #expect(tests["a"]?.status == .passed)
    }
}
