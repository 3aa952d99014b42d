import Foundation

/// What one subject (the student's module, the reference or the platform
/// primitive) measured: nanoseconds per operation for each measurement, or
/// why there is no figure.
public struct BenchColumn: Sendable, Equatable {
    /// The subject's name, as its column heading: `yours`, `reference`, or
    /// the platform primitive's name.
    public var title: String
    /// Measurement name → nanoseconds per operation.
    public var nanoseconds: [String: Double]
    /// Measurement name → what was wrong with the result (lost updates, …).
    public var problems: [String: String]
    /// Set when the program did not finish (crash, time limit).
    public var failure: String?
}
