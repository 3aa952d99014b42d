/// A heading of a lesson, with the anchor that links to its section.
public struct Heading: Sendable, Equatable {
    /// The heading's level: 1 for `#`, 2 for `##`, and so on.
    public var level: Int
    /// The heading's words, markup removed: `Mutex and friends`.
    public var text: String
    /// The heading as written: `## \`Mutex\` and friends`.
    public var markdown: String = ""
    /// Unique within the lesson: `lock-then-unlock-with-defer`, `-2` for repeats.
    public var anchor: String
    /// The line of the lesson the heading is on.
    public var line: Int
}

extension Heading {
    /// The anchor for a heading's text: lower case, alphanumerics kept, every
    /// other run of characters turned into one hyphen.
    public static func anchor(for text: String) -> String {
        var anchor = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !anchor.isEmpty { anchor.append("-") }
                anchor.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return anchor.isEmpty ? "section" : anchor
    }
}
