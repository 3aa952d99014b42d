import Foundation

/// A value shared between threads, reached only through ``update(_:)``.
final class Shared<Value>: @unchecked Sendable {
    // `storage` is guarded by `lock`.
    private let lock = NSLock()
    private var storage: Value

    init(_ value: Value) { storage = value }

    @discardableResult
    func update<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&storage)
    }

    var value: Value { update { $0 } }
}
