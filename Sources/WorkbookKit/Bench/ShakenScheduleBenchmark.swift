import Foundation

/// What the shaken-schedule lane costs, and whether the reference holds in
/// it: the reference graded many times with the normal and shaken lanes
/// (a fresh seed each time), every failure listed with its seed; then one
/// whole submission, every lane, timed with and without the shaken one.
public struct ShakenScheduleBenchmark {
    /// The course whose reference solution is graded.
    public let course: Course
    /// The grading policy, whose lanes the benchmark sets for each measurement.
    public let policy: GradingPolicy
    let log: @Sendable (String) -> Void

    /// A benchmark that grades `course`'s reference under `policy` and
    /// reports its progress to `log`.
    public init(course: Course, policy: GradingPolicy, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.course = course
        self.policy = policy
        self.log = log
    }

    /// - Parameters:
    ///   - runs: gradings of the reference in the lane.
    ///   - submissions: warm gradings timed with and without the lane (medians).
    ///   - exercises: the exercises graded in the lane (names); all when empty.
    /// - Returns: a table.
    public func run(runs: Int, submissions: Int = 3, exercises: [String] = []) throws -> String {
        let chosen =
            try exercises.isEmpty ? course.exercises : exercises.map { name throws(WorkbookError) in try course.exercise(named: name) }
        var lines = ["the reference, \(runs) gradings with a shaken schedule (a fresh seed each; ThreadSanitizer left out)"]
        var lanePolicy = policy
        lanePolicy.threadSanitizer = []
        lanePolicy.shakenSchedule = chosen.map(\.name)
        let grader = Grader(course: course, policy: lanePolicy, workspace: "bench-shaken", log: log)
        let reference = Submission(name: "reference", folder: course.root, sources: grader.solutions, ignored: [])
        var passed: [String: Int] = [:]
        var seconds: [String: Double] = [:]
        var failures: [String] = []
        for run in 1...max(1, runs) {
            var seeded = grader
            seeded.seed = ShakenSchedule.random().seed
            log("reference with a shaken schedule, run \(run) of \(runs) (seed \(seeded.seed ?? 0))")
            for result in try seeded.grade(reference, only: Set(chosen.map(\.name))).exercises {
                seconds[result.exercise, default: 0] += result.seconds
                if result.verdict == .passed { passed[result.exercise, default: 0] += 1; continue }
                let problem = result.firstProblem.map { "\($0.name): \($0.message.split(separator: "\n").first ?? "")" } ?? ""
                failures.append("  seed \(seeded.seed ?? 0), \(result.exercise): \(problem)")
            }
        }
        for exercise in chosen {
            lines.append(
                "  \(exercise.name.padding(toLength: 10, withPad: " ", startingAt: 0)) passed \(passed[exercise.name] ?? 0)/\(runs)"
                    + String(format: "  (both lanes: %.1f s a grading)", (seconds[exercise.name] ?? 0) / Double(max(1, runs))))
        }
        lines += failures.isEmpty ? [] : ["failures:"] + failures
        lines.append("")
        lines.append(try cost(submissions: submissions))
        return lines.joined(separator: "\n")
    }

    /// One warm submission, every exercise and lane, with and without the shaken one.
    private func cost(submissions: Int) throws -> String {
        var medians: [Double] = []
        for shaken in [true, false] {
            var policy = policy
            if !shaken { policy.shakenSchedule = [] }
            let grader = Grader(course: course, policy: policy, workspace: "bench-shaken", log: log)
            let reference = Submission(name: "reference", folder: course.root, sources: grader.solutions, ignored: [])
            _ = try grader.grade(reference)  // warm
            log("timing \(submissions) gradings \(shaken ? "with" : "without") the shaken schedule")
            let times = try (0..<max(1, submissions)).map { _ in
                let start = Date()
                _ = try grader.grade(reference)
                return Date().timeIntervalSince(start)
            }
            medians.append(times.sorted()[times.count / 2])
        }
        return String(
            format: "one submission, warm, every lane (median of %d): %.1f s with the shaken schedule, %.1f s without: %.1f s for the lane",
            max(1, submissions), medians[0], medians[1], medians[0] - medians[1])
    }
}
