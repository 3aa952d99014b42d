/// A file that `workbook build` writes, and what it must contain.
public struct GeneratedFile: Sendable, Equatable {
    public enum Kind: Sendable { case solution, exercise }

    /// Relative to the workbook root: `Solutions/Lock/Lock.swift`.
    public var path: String
    public var contents: String
    public var kind: Kind
}
