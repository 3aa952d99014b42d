import Foundation
import Testing
import ZIPFoundation
@testable import WorkbookKit

/// The Gradescope autograder end to end, in a temporary `AUTOGRADER_ROOT`:
/// the zip is built, unpacked, `setup.sh` runs (with the grader already
/// built, passed as `WORKBOOK_TOOL`: the release build itself is timed by
/// hand, see the README), then `run_autograder` grades submissions laid out
/// the ways students hand them in.
@Suite(.serialized, .tags(.integration), .enabled(if: Sandbox.machine.isolation == .full, "needs root, bubblewrap and user namespaces"))
final class GradescopePackageTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let course: Course
    let folder: TemporaryFolder
    var autograder: URL { folder.url.appending(path: "autograder") }

    init() throws {
        course = try Course.load(root: Self.root).0
        folder = try TemporaryFolder()
    }

    /// Runs one of the autograder's scripts on a thread of its own (it
    /// grades for minutes, which must not hold a thread of the cooperative pool).
    private func run(_ script: String, environment: [String: String] = [:]) async throws -> ProcessOutcome {
        try await offThePool {
            ProcessRunner.run(
                "/bin/bash", [autograder.appending(path: "source/\(script)").path], in: autograder,
                environment: ["AUTOGRADER_ROOT": autograder.path].merging(environment) { $1 }, timeout: 900)
        }
    }

    /// Puts `files` (path → text) in a fresh `submission/` and grades it.
    private func grade(_ files: [String: String], links: [String: String] = [:]) async throws -> [String: Any] {
        let submission = autograder.appending(path: "submission")
        try? FileManager.default.removeItem(at: submission)
        try? FileManager.default.removeItem(at: autograder.appending(path: "results"))
        try FileManager.default.createDirectory(at: submission, withIntermediateDirectories: true)
        for (path, text) in files {
            try folder.write(text, to: "autograder/submission/\(path)")
        }
        for (path, target) in links {
            let link = submission.appending(path: path)
            try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
        }
        _ = try await run("run_autograder")
        return try validated(autograder.appending(path: "results/results.json"))
    }

    /// A `results.json`, checked against Gradescope's format and decoded.
    private func validated(_ results: URL) throws -> [String: Any] {
        let check = "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))"
        let validation = ProcessRunner.run(
            "/usr/bin/env",
            [
                "python3", "-c", check, results.path,
                Self.root.appending(path: "Tests/Schemas/gradescope-results.schema.json").path,
            ], timeout: 60)
        #expect(validation.shellStatus == 0, "\(results.lastPathComponent) against Gradescope's format: \(validation.output)")
        return try #require(JSONSerialization.jsonObject(with: Data(contentsOf: results)) as? [String: Any])
    }

    /// An exercise's points in `results.json`, in hundredths (the tests' sum).
    private func cents(_ results: [String: Any], _ exercise: String? = nil) -> Int {
        guard let exercise else { return Int(((results["score"] as? Double) ?? -1) * 100 + 0.5) }
        return ((results["tests"] as? [[String: Any]]) ?? []).filter { ($0["name"] as? String)?.hasPrefix("\(exercise): ") == true }
            .map { Int((($0["score"] as? Double) ?? 0) * 100 + 0.5) }.reduce(0, +)
    }

    private func solution(_ exercise: String) throws -> (name: String, text: String) {
        let exercise = try course.exercise(named: exercise)
        let file = try #require(exercise.files.first)
        return (file.name, file.solutionText(exercise: exercise))
    }

    @Test(
        "the zip is built from the student edition; setup.sh self-tests; run_autograder grades every layout and always writes results.json")
    func endToEnd() async throws {
        let zip = folder.url.appending(path: "autograder.zip")
        _ = try GradescopePackage(course: course).write(to: zip)
        try FileManager.default.createDirectory(at: autograder.appending(path: "source"), withIntermediateDirectories: true)
        try FileManager.default.unzipItem(at: zip, to: autograder.appending(path: "source"))
        for script in ["setup.sh", "run_autograder"] {
            #expect(
                FileManager.default.isExecutableFile(atPath: autograder.appending(path: "source/\(script)").path), "\(script) is executable"
            )
        }
        #expect(!folder.exists("autograder/source/course/Solutions"), "no solution in the course")

        let tool = Self.root.appending(path: ".build/debug/workbook").path
        try #require(FileManager.default.isExecutableFile(atPath: tool), "build the tool first (swift build)")
        let setup = try await run("setup.sh", environment: ["WORKBOOK_TOOL": tool])
        try #require(setup.shellStatus == 0, "setup.sh: \(setup.output)")
        #expect(setup.output.contains("reference: 80 / 80") && setup.output.contains("stubs: 0 / 80"))
        #expect(!folder.exists("autograder/source/selftest"), "the reference is gone once the self-test passed")
        // The self-test's gradings, in Gradescope's format: the reference
        // and the stubs graded as run_autograder grades a submission.
        var testNames: [[String]] = []
        for (name, score) in [("reference", 8000), ("stubs", 0), ("stubs-with-a-comment-added", 0)] {
            let results = try validated(autograder.appending(path: "selftest-results/\(name).json"))
            #expect(cents(results) == score, "\(name)")
            #expect(
                cents(results) == course.exercises.map { cents(results, $0.name) }.reduce(0, +), "\(name): the tests add up to the score")
            testNames.append(((results["tests"] as? [[String: Any]]) ?? []).compactMap { $0["name"] as? String })
        }
        #expect(Set(testNames.map(\.count)).count == 1 && testNames[0].count > 0, "the same tests, whatever is graded")

        // A cloned repository with the exercises two folders down: full marks
        // for the two it holds (the self-test above graded every reference).
        var nested: [String: String] = [:]
        for exercise in try ["threads", "lock"].map({ try course.exercise(named: $0) }) {
            for file in exercise.files {
                nested["repo/work/Exercises/\(exercise.folder)/\(file.name)"] = file.solutionText(exercise: exercise)
            }
        }
        let found = try await grade(nested)
        #expect(cents(found, "threads") == 1000 && cents(found, "lock") == 1000)
        #expect(cents(found) == 2000, "the exercises not handed in earn nothing")
        #expect((found["output"] as? String)?.contains("repo/work/Exercises") == true)

        // Loose files: a correct lock, a race fix with a planted bug, a stub.
        let lock = try solution("lock")
        let mutant = try #require(try racyAccount(root: Self.root)["Account.swift"])
        let scoped = try course.exercise(named: "scoped")
        var looseFiles = [lock.name: lock.text, "Account.swift": mutant]
        for file in scoped.files { looseFiles[file.name] = file.stubText(exercise: scoped) }
        let loose = try await grade(looseFiles)
        #expect(cents(loose, "lock") == 1000)
        #expect(cents(loose, "race") < 1000, "the mutant is caught")
        #expect(cents(loose, "scoped") == 0 && cents(loose, "threads") == 0)
        #expect(cents(loose) == cents(loose, "lock") + cents(loose, "race"), "the tests add up to the score")

        // Hostile: a forbidden attribute, and a link to the grader's secrets.
        let hostile = try await grade(
            ["Exercises/Threads/Threads.swift": "@_silgen_name(\"swift_task_create\") func sneak()\n" + (try solution("threads")).text],
            links: ["Exercises/Lock/Lock.swift": "/etc/shadow"])
        #expect(cents(hostile) == 0)
        #expect((hostile["output"] as? String)?.contains("symbolic link") == true)
        let text = try String(contentsOf: autograder.appending(path: "results/results.json"), encoding: .utf8)
        #expect(!text.contains("root:"), "nothing of /etc/shadow in the report")

        // The grader itself broken: still a results.json, the grader's fault.
        try FileManager.default.removeItem(at: autograder.appending(path: "source/workbook"))
        let broken = try await grade(nested)
        #expect(cents(broken) == 0)
        #expect((broken["output"] as? String)?.contains("the grader, not your submission") == true)
    }
}
