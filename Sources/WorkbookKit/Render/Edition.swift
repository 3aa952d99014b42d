import Foundation

/// Which book to write: the students' (stubs only) or the instructors' (stubs and solutions).
public enum Edition: String, Sendable, CaseIterable {
    case student
    case instructor
}
