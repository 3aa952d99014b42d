import Foundation
import Testing
@testable import WorkbookKit

/// The GitHub Classroom workflow, as far as it runs here: the grading
/// command it calls, run locally, writes the step outputs that the
/// reporter reads, and what the reporter would record is the grade.
@Suite(.tags(.integration), .enabled(if: Sandbox.machine.isolation == .full, "needs root, bubblewrap and user namespaces"))
struct ClassroomWorkflowTests {
    static let root = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the workflow grades against the course at its tag and names one runner per exercise, each fed by the grade step's output")
    func workflow() throws {
        let course = try Course.load(root: Self.root).0
        let workflow = ClassroomWorkflow(course: course, courseRepository: "teacher/workbook", courseRef: "v1.2")
        let yaml = workflow.yaml
        #expect(yaml.contains("repository: teacher/workbook") && yaml.contains("ref: v1.2"))
        #expect(yaml.contains("runners: threads,lock,daemon,semaphore,queue,scoped,race,pool"))
        for runner in workflow.runners {
            #expect(yaml.contains("\(runner.uppercased())_RESULTS: \"${{ steps.grade.outputs.\(runner) }}\""))
        }
        #expect(yaml.contains("workbook grade --root course submission --format github-classroom"))
        #expect(!yaml.contains("\t"), "YAML has no tabs")
    }

    @Test("the grade step's outputs decode to runners whose scores add up to the grade, as the reporter records it")
    func stepOutputs() async throws {
        let folder = try TemporaryFolder()
        let course = try Course.load(root: Self.root).0
        let lock = try course.exercise(named: "lock")
        for file in lock.files {
            try folder.write(file.solutionText(exercise: lock), to: "submission/Exercises/Lock/\(file.name)")
        }
        try folder.write(
            try #require(try racyAccount(root: Self.root)["Account.swift"]),
            to: "submission/Exercises/Race/Account.swift")
        try folder.write("", to: "outputs")
        let tool = Self.root.appending(path: ".build/debug/workbook").path
        try #require(FileManager.default.isExecutableFile(atPath: tool), "build the tool first (swift build)")
        let outcome = try await offThePool {
            ProcessRunner.run(
                tool,
                [
                    "grade", "--root", Self.root.path, folder.url.appending(path: "submission").path,
                    "--format", "github-classroom", "--output", folder.url.appending(path: "graded").path,
                ],
                environment: ["GITHUB_OUTPUT": folder.url.appending(path: "outputs").path], timeout: 600)
        }
        #expect(outcome.shellStatus == 0, "\(outcome.output)")

        // What the reporter does: read <RUNNER>_RESULTS, decode, add up.
        var environment: [String: String] = [:]
        for line in (folder.read("outputs") ?? "").split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
            try #require(parts.count == 2)
            environment["\(parts[0].uppercased())_RESULTS"] = parts[1]
        }
        var recorded = 0
        var possible = 0
        for runner in ClassroomWorkflow(course: course, courseRepository: "t/w", courseRef: "v1").runners {
            let encoded = try #require(environment["\(runner.uppercased())_RESULTS"], "a step output for \(runner)")
            let json = try #require(Data(base64Encoded: encoded).flatMap { try JSONSerialization.jsonObject(with: $0) as? [String: Any] })
            let tests = try #require(json["tests"] as? [[String: Any]])
            recorded += tests.map { Int((($0["score"] as? Double) ?? 0) * 100 + 0.5) }.reduce(0, +)
            possible += Int(((json["max_score"] as? Double) ?? 0) * 100 + 0.5)
            if runner == "lock" { #expect(json["status"] as? String == "pass") }
            if runner == "race" { #expect(json["status"] as? String == "fail") }
        }
        let record = try JSONDecoder().decode(
            SubmissionResult.self, from: Data(contentsOf: folder.url.appending(path: "graded/submission/grade.json")))
        #expect(recorded == Int(record.score * 100 + 0.5), "Classroom records the grade's own points")
        #expect(possible == Int(record.maxScore * 100 + 0.5))
        #expect(recorded >= 1000, "the correct lock earns its 10 points")
    }
}
