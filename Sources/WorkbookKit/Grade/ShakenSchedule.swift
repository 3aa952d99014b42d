import Foundation

/// The shaken-schedule lane: each graded suite runs once more, in the same
/// test binary, with the course's `ScheduleShaker` library preloaded
/// (`LD_PRELOAD`). It sleeps or yields now and then around the pthread
/// calls under `NSLock`, `NSCondition` and `Thread`, so a timing bug that
/// the normal schedule shows once in many runs shows in most.
///
/// The seed picks the library's choices; a failure only this lane saw
/// names it, with the command that replays it.
public struct ShakenSchedule: Sendable, Equatable {
    /// The seed that picks the library's choices; a failure only this lane saw names it.
    public var seed: UInt64

    /// The schedule that `seed` shakes.
    public init(seed: UInt64) { self.seed = seed }

    /// A seed short enough to type back.
    public static func random() -> ShakenSchedule { ShakenSchedule(seed: UInt64.random(in: 1...999_999)) }

    /// The variable that switches the library on (`ScheduleShaker.h` names it too).
    static let seedVariable = "WORKBOOK_SHAKE_SEED"
    /// The library's target in the course's manifest, and its folder.
    static let target = "ScheduleShaker"
    static let sourceFolder = "Sources/\(target)"
    static let libraryName = "lib\(target).so"
    /// Where a run sees the library.
    static let insidePath = SuiteRunner.insideRun + "/shaker/" + libraryName

    /// The lane's time limit per test, as a multiple of the normal one:
    /// its sleeps add up in tests that lock thousands of times.
    static let slowdown = 2.0

    /// The library and the seed, for one test run.
    struct Preload: Sendable {
        /// `libScheduleShaker.so` on the host.
        var library: URL
        var schedule: ShakenSchedule

        /// The library, bound read-only where the run sees it.
        var bind: SandboxRun.Bind { SandboxRun.Bind(host: library, inside: ShakenSchedule.insidePath) }

        /// What the run's environment adds to the sandbox's allow-list.
        func environment(in sandbox: Sandbox) -> [String: String] {
            [
                "LD_PRELOAD": sandbox.visiblePath(host: library, inside: ShakenSchedule.insidePath),
                ShakenSchedule.seedVariable: "\(schedule.seed)",
            ]
        }
    }

    /// The command a student runs to try this schedule again.
    public func replayCommand(exercise: String) -> String { "workbook test \(exercise) --seed \(seed)" }

    /// A failure that only this lane saw, said so: its first line ends with
    /// the seed and the command that replays it. A test the lane had no
    /// time left to run saw nothing: it only says where it was not run.
    func marked(_ result: TestResult, exercise: String) -> TestResult {
        var marked = result
        marked.seenOnlyIn = .shakenSchedule
        guard result.status != .notRun else {
            marked.message = "with a shaken schedule: " + result.message
            return marked
        }
        let note = " (seen only with a shaken schedule: replay with `\(replayCommand(exercise: exercise))`)"
        if let newline = result.message.firstIndex(of: "\n") {
            marked.message.insert(contentsOf: note, at: newline)
        } else {
            marked.message += note
        }
        return marked
    }

    /// The library's sources as the course has them (`relative path → text`),
    /// for the grader's engine, which builds the library beside the suites.
    static func sources(in root: URL) throws -> [String: String] {
        let folder = root.appending(path: sourceFolder)
        var files: [String: String] = [:]
        guard let walk = FileManager.default.enumerator(atPath: folder.path) else { return files }
        while let relative = walk.nextObject() as? String {
            guard relative.hasSuffix(".c") || relative.hasSuffix(".h") else { continue }
            files[relative] = try String(contentsOf: folder.appending(path: relative), encoding: .utf8)
        }
        return files
    }
}
