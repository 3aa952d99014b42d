// Hostile fixture (build): a compile error made to look as if it were in
// another file, far from this exercise.
import Foundation

public enum LockError: Error, Equatable { case notLocked, notOwner }

public final class Lock: @unchecked Sendable {
    public init() {}
    public func lock() {}
    public func tryLock() -> Bool { true }
    public func lock(before limit: Date) -> Bool { true }
    public func unlock() throws(LockError) {}
#sourceLocation(file: "/elsewhere/Other.swift", line: 1)
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result { try body() + undefinedName }
#sourceLocation()
}
