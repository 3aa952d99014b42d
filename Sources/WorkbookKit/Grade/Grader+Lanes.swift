import Foundation

extension Grader {
    /// One suite's verdicts, from one lane.
    struct Lane: Sendable {
        var exercise: String
        /// nil for the normal lane.
        var kind: TestResult.Lane?
        var outcome: SuiteRunner.Outcome
        var seconds: Double

        /// Runs one suite and notes how long it took.
        static func timed(_ exercise: String, _ kind: TestResult.Lane?, _ run: () -> SuiteRunner.Outcome) -> Lane {
            let start = Date()
            let outcome = run()
            return Lane(exercise: exercise, kind: kind, outcome: outcome, seconds: Date().timeIntervalSince(start))
        }

        /// The lanes of one kind, by exercise.
        static func byExercise(_ lanes: [Lane], _ kind: TestResult.Lane?) -> [String: Lane] {
            Dictionary(uniqueKeysWithValues: lanes.filter { $0.kind == kind }.map { ($0.exercise, $0) })
        }
    }

    /// A test that passed normally but failed in another lane takes that
    /// lane's verdict, said so: a race ThreadSanitizer reported, or a
    /// failure that took a shaken schedule (and its seed) to show.
    func merge(_ lane: Lane, into tests: inout [String: TestResult], schedule: ShakenSchedule) {
        for (id, result) in lane.outcome.results where result.status != .passed && tests[id]?.status == .passed {
            switch lane.kind {
            case .shakenSchedule:
                tests[id] = schedule.marked(result, exercise: lane.exercise)
            case .threadSanitizer, nil:
                var marked = result
                marked.message = "under ThreadSanitizer: " + result.message
                marked.seenOnlyIn = lane.kind
                tests[id] = marked
            }
        }
    }
}
