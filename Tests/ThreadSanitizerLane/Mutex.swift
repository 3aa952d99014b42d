// Added by `workbook grade` to a student's module in the ThreadSanitizer lane
// only. Synchronization.Mutex locks with futex operations that
// ThreadSanitizer cannot see, so a correct program that uses it is reported
// as racy. This type has the same API and shadows it (a module's own types
// win over imported ones), but locks with NSLock, which ThreadSanitizer
// understands. Races outside the mutex are still reported as usual.
import Foundation

struct Mutex<Value: ~Copyable>: ~Copyable, @unchecked Sendable {
    private final class Storage {
        let lock = NSLock()
        var value: Value
        init(_ value: consuming Value) { self.value = value }
    }

    private let storage: Storage

    init(_ initialValue: consuming sending Value) {
        storage = Storage(initialValue)
    }

    borrowing func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        storage.lock.lock()
        defer { storage.lock.unlock() }
        return try body(&storage.value)
    }

    borrowing func withLockIfAvailable<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result? {
        guard storage.lock.try() else { return nil }
        defer { storage.lock.unlock() }
        return try body(&storage.value)
    }
}
