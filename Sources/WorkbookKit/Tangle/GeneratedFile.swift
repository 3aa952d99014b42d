/// A file that `workbook build` writes, and what it must contain.
public struct GeneratedFile: Sendable, Equatable {
    /// Whether the file belongs to a reference solution or is a student's
    /// stub; only stubs are guarded against overwriting edits.
    public enum Kind: Sendable { case solution, exercise }

    /// Relative to the workbook root: `Solutions/Lock/Lock.swift`.
    public var path: String
    /// The text the file must hold.
    public var contents: String
    /// Whether the file is a reference solution's or a student's stub.
    public var kind: Kind
}
