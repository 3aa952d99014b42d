import Testing

/// Names the lesson section that teaches the property a test checks, as
/// `"NN-slug#anchor"`. The grader shows it beside a failure so a student
/// knows where to read.
public struct Teaches: TestTrait, SuiteTrait {
    public let section: String
}

extension Trait where Self == Teaches {
    public static func teaches(_ section: String) -> Self { Teaches(section: section) }
}
