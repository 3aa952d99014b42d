import Foundation
import Testing
@testable import WorkbookKit

@Suite struct StudentHintTests {
    @Test("hints come one at a time, gentlest first; the last repeats; reset starts again")
    func hintSequence() throws {
        let folder = try TemporaryFolder()
        let exercise = try #require(try StudentFixture.course(in: folder).exercises.first)
        var progress = HintProgress(root: folder.url)
        #expect(try progress.next(for: exercise)?.0 == 0)
        #expect(try progress.next(for: exercise)?.1.markdown == "Answer from what you remembered.")
        #expect(try progress.next(for: exercise)?.0 == 1, "after the last hint, the last one again")

        var later = HintProgress(root: folder.url)  // a new run of `workbook hint` remembers
        #expect(try later.next(for: exercise)?.0 == 1)
        try later.reset(exercise.name)
        #expect(try later.next(for: exercise)?.1.markdown == "Remember whether it is open.")
    }
}
