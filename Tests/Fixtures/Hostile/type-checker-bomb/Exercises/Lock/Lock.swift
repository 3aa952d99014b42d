// Hostile fixture (resources): an expression the type checker needs a very
// long time for, to hold the grader's CPU.
import Foundation

public enum LockError: Error, Equatable { case notLocked, notOwner }

public final class Lock: @unchecked Sendable {
    public init() {}
    public func lock() {
        let slow = -(1 + 2) * 3.0 - 4 / 5 + -(6 - 7) * 8 + 9 - 10 * 11.0 / -(12 + 13) - 14 * 15 + 16 / 17.0 - -(18 * 19) + 20 - 21 * 22 / 23 + 24.0
        _ = slow
    }
    public func tryLock() -> Bool { true }
    public func lock(before limit: Date) -> Bool { true }
    public func unlock() throws(LockError) {}
    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result { try body() }
}
