import Foundation

/// The tests the course grades, decided by the course and never by a
/// submission: the suites built around the course's own stubs, listed,
/// with the suites' helpers (`ungradedSuites` in `Tests/grading.json`) left
/// out. Kept in the workspace until the suites or the stubs change.
struct CourseTestList {
    let grader: Grader

    private struct Cache: Codable {
        var fingerprint: String
        var tests: [String: [String]]
    }

    /// `exercise name → graded test IDs`, in the listing's order.
    func tests(in workspace: GradingWorkspace, users: SandboxUsers) throws -> [String: [String]] {
        let file = workspace.directory.appending(path: "course-tests.json")
        let fingerprint = try self.fingerprint(workspace)
        if let data = FileManager.default.contents(atPath: file.path),
            let cache = try? JSONDecoder().decode(Cache.self, from: data), cache.fingerprint == fingerprint
        {
            return cache.tests
        }
        try workspace.install(grader.stubs)
        grader.log("building the course's suites")
        switch workspace.build(sandbox: grader.sandbox, user: users.builder, timeout: grader.policy.secondsPerBuild) {
        case .built: break
        case .failed(let output):
            throw WorkbookError.commandFailed(
                command: "swift build --build-tests (the course's stubs)", status: 1,
                output: String(output.suffix(3000)))
        case .timedOut(let seconds):
            throw WorkbookError.commandFailed(
                command: "swift build --build-tests (the course's stubs)", status: 1,
                output: "took longer than \(Int(seconds)) s")
        }
        let listed = try workspace.listTests(sandbox: grader.sandbox, user: users.runner(0))
        let tests = Dictionary(
            uniqueKeysWithValues: workspace.exercises.map { exercise in
                (
                    exercise.name,
                    listed.filter { id in
                        id.hasPrefix("\(exercise.testTarget).") && !grader.policy.ungradedSuites.contains { id.contains(".\($0)/") }
                    }
                )
            })
        try JSONEncoder().encode(Cache(fingerprint: fingerprint, tests: tests)).write(to: file)
        return tests
    }

    /// Changes whenever a suite, the support code, a stub, the policy or the
    /// engine's schedule shaker does.
    private func fingerprint(_ workspace: GradingWorkspace) throws -> String {
        var parts = [workspace.manifest(), grader.policy.ungradedSuites.joined(separator: ",")]
        for folder in ["Tests/CourseSupport"] + workspace.exercises.map(\.testDirectory) {
            let url = grader.course.root.appending(path: folder)
            for (name, text) in try SwiftFiles.read(in: url).sorted(by: { $0.key < $1.key }) { parts.append(name + "\u{0}" + text) }
        }
        if workspace.buildsScheduleShaker {
            for (path, text) in try ShakenSchedule.sources(in: grader.course.root).sorted(by: { $0.key < $1.key }) {
                parts.append(path + "\u{0}" + text)
            }
        }
        let stubs = grader.stubs
        for exercise in workspace.exercises {
            for (name, text) in (stubs[exercise.name] ?? [:]).sorted(by: { $0.key < $1.key }) { parts.append(name + text) }
        }
        return Fingerprint.of(parts.joined(separator: "\u{1}"))
    }
}
