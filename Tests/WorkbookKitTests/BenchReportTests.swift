import Testing
@testable import WorkbookKit

@Suite struct BenchReportTests {
    @Test("reads the timing program's lines and skips anything else")
    func readsHarnessLines() {
        let output =
            "lock + unlock, 1 thread\t81.5\tok\nwarning: noise\nwithLock, 2 threads contending\t39.9\tlost updates: counted 3 of 4\n"
        let (column, names) = BenchReport.column("yours", output: output, failure: nil)
        #expect(names == ["lock + unlock, 1 thread", "withLock, 2 threads contending"])
        #expect(column.nanoseconds["lock + unlock, 1 thread"] == 81.5)
        #expect(column.problems == ["withLock, 2 threads contending": "lost updates: counted 3 of 4"])
    }

    @Test("prints the student's figure as a multiple of the reference's, and no ratio for a wrong result")
    func printsRatios() {
        let yours = BenchColumn(title: "yours", nanoseconds: ["a": 20, "b": 1], problems: ["b": "lost updates"], failure: nil)
        let reference = BenchColumn(title: "reference", nanoseconds: ["a": 10, "b": 2], problems: [:], failure: nil)
        let text = BenchReport(exercise: "lock", measurements: ["a", "b"], columns: [yours, reference]).text
        #expect(text.contains("2.00×"))
        #expect(text.contains("wrong result"))
        #expect(text.contains("(!) yours, b: lost updates"))
    }

    @Test("has a timing program for each benchmarked exercise only")
    func harnessCoversBenchmarkedExercises() throws {
        #expect(BenchHarness.exercises == ["lock", "semaphore", "race"])
    }
}
