import Foundation
import Testing
@testable import WorkbookKit

/// Grades every hostile fixture of `Tests/Fixtures/Hostile/` that attacks
/// the grader itself (its verdict channel, its test list, its sandbox, its
/// machine) in one batch, as `workbook grade` would, each followed by a
/// clean reference submission, then checks each fixture's outcome.
///
/// Each hostile submission also carries the reference solution of another
/// exercise, which must still earn full marks: an attack costs its own
/// exercise only. A secret is planted in the grader's environment and a
/// marker in every clean submission; neither may appear in any report.
///
/// Runs only where the grader's full sandbox can be built (as root, with
/// bubblewrap and user namespaces), which is what `workbook grade` requires.
@Suite(.serialized, .tags(.integration), .enabled(if: Sandbox.machine.isolation == .full, "needs root, bubblewrap and user namespaces"))
struct HostileBatchTests {
    // Generous: clean references must never time out on a loaded two-core machine.
    static let secondsPerTest = 5.0
    static let graded: Set<String> = ["threads", "lock", "scoped", "race"]
    static let secret = "WORKBOOK-SECRET-\(UUID().uuidString)"
    static let marker = "MARKER-OTHER-SUBMISSION-\(UUID().uuidString)"
    static let childMarker = "1000.25"

    /// The fixtures graded here, in batch order.
    static let fixtures = [
        "stream-rewrite", "forged-end-then-hang", "symbol-interposition", "discovery-trait", "escaping-child",
        "unattributable-build", "symlinks", "snooper", "course-writer", "type-checker-bomb",
        "race-memory-bomb", "race-fork-bomb", "race-disk-filler", "race-ignores-term", "fake-race-report",
        "mixed-report",
    ]

    struct Batch: @unchecked Sendable {
        var course: Course
        var folder: URL
        var workspace: URL
        /// fixture name → its result; "clean after <fixture>" → the reference after it.
        var results: [String: SubmissionResult]
        var reports: [String]
        /// submission → its results.json, parsed.
        var gradescope: [String: [String: Any]]
        var gradebook: String
        var seconds: [String: Double]
    }

    /// The batch, graded once for all the tests below.
    static let batch: Result<Batch, any Error> = Result { try gradeBatch() }

    static func gradeBatch() throws -> Batch {
        let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let course = try Course.load(root: root).0
        var policy = try GradingPolicy.load(root: root)
        policy.secondsPerTest = secondsPerTest
        setenv("WORKBOOK_GRADER_TOKEN", secret, 1)
        let grader = Grader(course: course, policy: policy, workspace: "grading-hostile", sandbox: try Sandbox.make(.required))
        let folder = FileManager.default.temporaryDirectory.appending(path: "workbook-hostile-\(UUID().uuidString)")
        var submissions: [URL] = []
        for fixture in fixtures {
            let hostile = folder.appending(path: fixture)
            try makeSubmission(fixture, at: hostile, course: course)
            let clean = folder.appending(path: "clean-after-\(fixture)")
            try makeReference(at: clean, course: course, exercises: graded)
            submissions += [hostile, clean]
        }
        let output = folder.appending(path: "graded")
        var seconds: [String: Double] = [:]
        var start = Date()
        let summary = try GradeBatch(grader: grader, output: output, only: graded).run(submissions) { index, _, result in
            seconds[submissions[index].lastPathComponent] = Date().timeIntervalSince(start)
            print(
                "graded \(submissions[index].lastPathComponent): \(result.score)/\(result.maxScore) in \(Int(Date().timeIntervalSince(start))) s"
            )
            start = Date()
        }
        var results: [String: SubmissionResult] = [:]
        for (url, result) in zip(submissions, summary.results) { results[url.lastPathComponent] = result }
        let reports = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? [])
            .compactMap { try? String(contentsOf: output.appending(path: $0), encoding: .utf8) }
        let gradebook = try String(contentsOf: output.appending(path: "gradebook.csv"), encoding: .utf8)
        var gradescope: [String: [String: Any]] = [:]
        for submission in submissions {
            let data = try Data(contentsOf: output.appending(path: "\(submission.lastPathComponent)/results.json"))
            gradescope[submission.lastPathComponent] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        }
        return Batch(
            course: course, folder: folder, workspace: root.appending(path: ".build/workbook/grading-hostile"),
            results: results, reports: reports, gradescope: gradescope, gradebook: gradebook, seconds: seconds)
    }

    /// The fixture's files, plus the reference of one exercise it does not attack.
    static func makeSubmission(_ fixture: String, at folder: URL, course: Course) throws {
        let exercises = folder.appending(path: "Exercises")
        try FileManager.default.createDirectory(at: exercises, withIntermediateDirectories: true)
        if fixture == "mixed-report" {
            // Threads does not compile, Lock crashes, Scoped is missing, Race is its stub with CRLF line ends.
            for (path, text) in [
                ("Threads/Threads.swift", "public func runAll<T>(_ jobs: [T]) -> [T] { jobs +* }\n"),
                (
                    "Lock/Lock.swift",
                    try String(contentsOf: course.root.appending(path: "Solutions/Lock/Lock.swift"), encoding: .utf8)
                        .replacingOccurrences(
                            of: "public func lock() {", with: "public func lock() {\n        fatalError(\"lock is broken\")")
                ),
            ] {
                try FileManager.default.createDirectory(
                    at: exercises.appending(path: path).deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: exercises.appending(path: path), atomically: true, encoding: .utf8)
            }
            let race = try course.exercise(named: "race")
            try FileManager.default.createDirectory(at: exercises.appending(path: "Race"), withIntermediateDirectories: true)
            for file in race.files {
                try file.stubText(exercise: race).replacingOccurrences(of: "\n", with: "\r\n")
                    .write(to: exercises.appending(path: "Race/\(file.name)"), atomically: true, encoding: .utf8)
            }
            return
        }
        if fixture == "symlinks" {
            // Links to the course's solutions and to a file only root may read.
            for (name, target) in [("Threads", "Solutions/Threads/Threads.swift"), ("Lock", "/etc/shadow")] {
                try FileManager.default.createDirectory(at: exercises.appending(path: name), withIntermediateDirectories: true)
                let destination = target.hasPrefix("/") ? target : course.root.appending(path: target).path
                try FileManager.default.createSymbolicLink(
                    atPath: exercises.appending(path: "\(name)/\(name).swift").path,
                    withDestinationPath: destination)
            }
            try FileManager.default.createSymbolicLink(
                atPath: exercises.appending(path: "Race").path,
                withDestinationPath: course.root.appending(path: "Solutions/Race").path)
            return
        }
        let source = course.root.appending(path: "Tests/Fixtures/Hostile/\(fixture)/Exercises")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) {
            try FileManager.default.copyItem(at: source.appending(path: name), to: exercises.appending(path: name))
        }
        let attacked = Set(try FileManager.default.contentsOfDirectory(atPath: source.path))
        if let companion = ["Lock", "Threads"].first(where: { !attacked.contains($0) }) {
            try FileManager.default.copyItem(
                at: course.root.appending(path: "Solutions/\(companion)"),
                to: exercises.appending(path: companion))
        }
    }

    /// A clean submission: the reference solutions, each with the marker in a comment.
    static func makeReference(at folder: URL, course: Course, exercises names: Set<String>) throws {
        for exercise in course.exercises where names.contains(exercise.name) {
            let target = folder.appending(path: "Exercises/\(exercise.folder)")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            for file in exercise.files {
                try (file.solutionText(exercise: exercise) + "\n// \(marker)\n")
                    .write(to: target.appending(path: file.name), atomically: true, encoding: .utf8)
            }
        }
    }

    /// The batch, graded on a thread of its own the first time (minutes of
    /// blocking work that must not hold a thread of the cooperative pool).
    func batch() async throws -> Batch { try await offThePool { try Self.batch.get() } }

    func exercise(_ name: String, of fixture: String) async throws -> ExerciseResult {
        let result = try #require(try await batch().results[fixture])
        return try #require(result.exercises.first { $0.exercise == name })
    }

    // The batch grades `jobs` submissions side by side, so each clean
    // reference is graded beside its hostile submission or right after it.
    @Test("every clean reference graded beside or right after a hostile submission gets full marks")
    func cleanReferencesAfterEachAttack() async throws {
        for fixture in Self.fixtures {
            let clean = try #require(try await batch().results["clean-after-\(fixture)"])
            #expect(
                clean.score == clean.maxScore && clean.graderError == nil,
                "after \(fixture): \(clean.exercises.map { "\($0.exercise) \($0.verdict.rawValue): \($0.firstProblem?.message ?? "")" })")
        }
    }

    @Test("each attack costs its own exercise only: the reference it carries still gets full marks")
    func companionsKeepFullMarks() async throws {
        for fixture in Self.fixtures where !["symlinks", "unattributable-build", "mixed-report"].contains(fixture) {
            let result = try #require(try await batch().results[fixture])
            let companions = result.exercises.filter { $0.verdict == .passed }
            #expect(!companions.isEmpty, "\(fixture): \(result.exercises.map { "\($0.exercise) \($0.verdict.rawValue)" })")
            #expect(result.graderError == nil, "\(fixture): \(result.graderError ?? "")")
        }
    }

    @Test("no report holds the grader's secret, another submission's marker, the course's files or root-only files")
    func nothingLeaks() async throws {
        let batch = try await batch()
        for report in batch.reports {
            #expect(!report.contains(Self.secret))
            #expect(!report.contains(Self.marker))
            #expect(!report.contains("pointsPerExercise"))
            #expect(!report.contains("root:"))
            #expect(!report.contains(batch.course.root.path), "a report names the course's folder")
        }
    }

    @Test("every submission is bounded in time, and the batch writes its gradebook")
    func boundedAndGradebook() async throws {
        let batch = try await batch()
        for fixture in Self.fixtures {
            let seconds = try #require(batch.seconds[fixture])
            #expect(seconds < 240, "\(fixture) took \(seconds) s")
        }
        #expect(batch.gradebook.split(separator: "\n").count == 1 + 2 * Self.fixtures.count)
    }

    @Test("rewriting the event stream at exit forges nothing: every test still crashes")
    func streamRewrite() async throws {
        let threads = try await exercise("threads", of: "stream-rewrite")
        #expect(threads.points == 0 && threads.passedCount == 0, "\(threads.tests.map(\.status))")
    }

    @Test("a forged testEnded followed by a hang is a time-out, bounded by the per-test limit")
    func forgedEndThenHang() async throws {
        let threads = try await exercise("threads", of: "forged-end-then-hang")
        #expect(threads.passedCount == 0, "\(threads.tests.map(\.status))")
        #expect(threads.tests.contains { $0.status == .timedOut })
        // The seconds add up the lanes: the shaken schedule's gives each test
        // `ShakenSchedule.slowdown` times the limit.
        let perTest = (Self.secondsPerTest + 5) + (ShakenSchedule.slowdown * Self.secondsPerTest + 5)
        #expect(threads.seconds < Double(threads.tests.count) * perTest + 30, "\(threads.seconds) s")
    }

    @Test("@_silgen_name and @_cdecl are refused before the build, with file and line")
    func symbolInterposition() async throws {
        let threads = try await exercise("threads", of: "symbol-interposition")
        let race = try await exercise("race", of: "symbol-interposition")
        for (exercise, attribute) in [(threads, "@_silgen_name"), (race, "@_cdecl")] {
            #expect(exercise.points == 0 && exercise.tests.allSatisfy { $0.status == .forbidden })
            #expect(exercise.compileErrors.contains { $0.contains(attribute) && $0.contains(".swift:") }, "\(exercise.compileErrors)")
        }
    }

    @Test("a student's own test and trait are refused (import Testing); the graded list is the course's")
    func discoveryTrait() async throws {
        let threads = try await exercise("threads", of: "discovery-trait")
        let reference = try await exercise("threads", of: "clean-after-discovery-trait")
        #expect(threads.tests.allSatisfy { $0.status == .forbidden })
        #expect(threads.tests.map(\.id) == reference.tests.map(\.id))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/workbook-discovery-marker"))
        #expect(!FileManager.default.fileExists(atPath: try await batch().workspace.appending(path: "discovery-marker").path))
    }

    @Test("a child in a session of its own dies with its sandbox")
    func escapingChild() async throws {
        _ = try await batch()
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains("sleep\u{0}\(Self.childMarker)")
                || String(decoding: data, as: UTF8.self).contains("sleep \(Self.childMarker)")
        }
        #expect(leftovers.isEmpty, "still running: \(leftovers)")
    }

    @Test("a second program entry point (main.swift) is refused after the build; #sourceLocation before it")
    func unattributableBuild() async throws {
        let threads = try await exercise("threads", of: "unattributable-build")
        let lock = try await exercise("lock", of: "unattributable-build")
        let race = try await exercise("race", of: "unattributable-build")
        #expect(threads.tests.allSatisfy { $0.status == .forbidden || $0.status == .didNotCompile } && threads.points == 0)
        #expect(threads.compileErrors.contains { $0.contains("main") }, "\(threads.compileErrors)")
        #expect(lock.tests.allSatisfy { $0.status == .forbidden })
        #expect(lock.compileErrors.contains { $0.contains("#sourceLocation") })
        #expect(race.verdict == .notStarted)
    }

    @Test("symbolic links are refused, never followed")
    func symlinks() async throws {
        let result = try #require(try await batch().results["symlinks"])
        #expect(result.score == 0)
        #expect(
            result.refusedFiles.filter { $0.contains("symbolic link") || $0.contains("links are not followed") }.count == 3,
            "\(result.refusedFiles)")
    }

    @Test("code under test sees no secret, no other submission and none of the course")
    func snooper() async throws {
        let threads = try await exercise("threads", of: "snooper")
        #expect(threads.points == 0)
        #expect(
            threads.tests.contains { $0.status == .crashed && $0.message.contains("found:") },
            "the snooper's own crash message reaches its feedback, with nothing in it")
    }

    @Test("code under test cannot plant tests into the course or the workspace")
    func courseWriter() async throws {
        let batch = try await batch()
        let threads = try await exercise("threads", of: "course-writer")
        #expect(threads.points == 0)
        for folder in [batch.course.root.appending(path: "Tests/ThreadsTests"), batch.workspace.appending(path: "Tests/ThreadsTests")] {
            #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "PlantedByAStudent.swift").path))
        }
    }

    @Test("a type-checker bomb becomes a compile error in its own file, in bounded time")
    func typeCheckerBomb() async throws {
        let lock = try await exercise("lock", of: "type-checker-bomb")
        #expect(lock.tests.allSatisfy { $0.status == .didNotCompile })
        #expect(lock.compileErrors.contains { $0.contains("reasonable time") }, "\(lock.compileErrors)")
        #expect(try #require(try await batch().seconds["type-checker-bomb"]) < 180)
    }

    @Test(
        "memory, fork and disk bombs and a process that ignores TERM are contained in both lanes",
        arguments: ["race-memory-bomb", "race-fork-bomb", "race-disk-filler", "race-ignores-term"])
    func resourceBombs(_ fixture: String) async throws {
        let race = try await exercise("race", of: fixture)
        #expect(race.points == 0 || fixture == "race-disk-filler" && race.verdict != .passed, "\(race.tests.map(\.status))")
        #expect(race.seconds < Double(race.tests.count) * 4 * (Self.secondsPerTest * 3 + 5) + 60, "\(race.seconds) s")
        if fixture == "race-memory-bomb" {
            #expect(race.tests.contains { $0.message.contains("memory") }, "\(race.tests.map(\.message))")
        }
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: try await batch().workspace.path)) ?? [])
            .filter { $0.hasPrefix("fill-") }
        #expect(leftovers.isEmpty)
    }

    @Test("a race is reported from ThreadSanitizer's own report, whatever the code prints or hides")
    func fakeRaceReport() async throws {
        let race = try await exercise("race", of: "fake-race-report")
        let raced = race.tests.filter { $0.status == .raceDetected }
        #expect(!raced.isEmpty, "\(race.tests.map(\.status))")
        #expect(raced.allSatisfy { $0.message.contains("WARNING: ThreadSanitizer") })
    }

    @Test("results.json of a submission that does not compile, crashes, is missing and is a CRLF stub adds up, as a clean one does")
    func reportsAddUp() async throws {
        let batch = try await batch()
        let mixed = try #require(batch.gradescope["mixed-report"])
        let clean = try #require(batch.gradescope["clean-after-mixed-report"])
        let tests = try #require(mixed["tests"] as? [[String: Any]])
        let cleanTests = try #require(clean["tests"] as? [[String: Any]])
        #expect(tests.map { $0["name"] as? String } == cleanTests.map { $0["name"] as? String }, "same tests, same names")
        for report in [mixed, clean] {
            let tests = try #require(report["tests"] as? [[String: Any]])
            let sum = tests.map { Int((($0["score"] as? Double) ?? 0) * 100 + 0.5) }.reduce(0, +)
            #expect(sum == Int(((report["score"] as? Double) ?? -1) * 100 + 0.5), "the tests add up to the score")
            let maxSum = tests.map { Int((($0["max_score"] as? Double) ?? 0) * 100 + 0.5) }.reduce(0, +)
            let extra = report["extra_data"] as? [String: Any]
            #expect(maxSum == Int(((extra?["max_score"] as? Double) ?? -1) * 100 + 0.5))
            #expect(report["output_format"] as? String == "text")
        }
        for prefix in ["scoped: ", "race: "] {
            #expect(tests.filter { ($0["name"] as? String)?.hasPrefix(prefix) == true }.allSatisfy { $0["score"] as? Double == 0 })
        }
        let result = try #require(batch.results["mixed-report"])
        #expect(result.exercises.first { $0.exercise == "race" }?.verdict == .notStarted, "a CRLF copy of the stub is not started")
        #expect(result.exercises.first { $0.exercise == "scoped" }?.verdict == .notStarted)
        #expect(result.exercises.first { $0.exercise == "threads" }?.tests.allSatisfy { $0.status == .didNotCompile } == true)
        let text = String(decoding: try JSONSerialization.data(withJSONObject: mixed), as: UTF8.self)
            .replacingOccurrences(of: "\\/", with: "/")
        #expect(text.contains("lock is broken"), "the crash's own message is in the report")
        for path in [batch.course.root.path, batch.folder.path, "/workspace/", "/tmp/", "/opt/", "/root"] {
            #expect(!text.contains(path), "results.json names \(path)")
        }
    }
}
