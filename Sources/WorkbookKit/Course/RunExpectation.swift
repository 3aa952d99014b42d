/// How a program block must end.
public struct RunExpectation: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        case exit(Int32)
        /// Still running at the time limit (a deadlock shown on purpose).
        case hang
    }

    public var ending: Ending = .exit(0)
    public var threadSanitizer = false
    public var timeout: Double = 10

    public static let defaultHangTimeout: Double = 2
}
