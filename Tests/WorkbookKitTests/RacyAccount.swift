import Foundation
import Testing
@testable import WorkbookKit

/// The Race exercise with no synchronization at all (the course's
/// `no-synchronization` mutant applied to the reference): a submission
/// whose race the suite catches.
func racyAccount(root: URL) throws -> [String: String] {
    let course = try Course.load(root: root).0
    let race = try course.exercise(named: "race")
    let mutant = try #require(try MutantPatch.all(in: race.mutantsDirectory, root: root).first { $0.name == "no-synchronization" })
    let reference = Dictionary(uniqueKeysWithValues: race.files.map { ($0.name, $0.solutionText(exercise: race)) })
    return try mutant.apply(to: reference)
}
