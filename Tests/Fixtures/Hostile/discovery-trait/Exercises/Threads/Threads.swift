// Hostile fixture (discovery): a test of the student's own with a custom
// trait, which Swift Testing evaluates when it lists the tests, plus tests
// that would change what is graded.
import Foundation
import Testing

struct RunsAtDiscovery: TestTrait {
    init() {
        // At discovery: try to plant a file where the grader keeps its reports.
        for path in ["/tmp/workbook-discovery-marker", "/workspace/discovery-marker"] {
            FileManager.default.createFile(atPath: path, contents: Data("planted at discovery".utf8))
        }
    }
}

@Test(RunsAtDiscovery()) func extraTestThatAlwaysPasses() {}

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] { jobs.map { $0() } }
