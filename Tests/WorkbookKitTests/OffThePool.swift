import Foundation

/// Runs blocking work (a grading, child processes) on a thread of its own
/// and waits for it without holding a thread: Swift Testing runs every test
/// on the cooperative pool, which has one thread per core, and the course's
/// suites, run by `swift test` beside these, have tests whose tasks need
/// that pool. A test that blocked it for minutes would starve them.
///
/// `work` may not record issues (`#expect`): a thread of its own is outside
/// the test's task. Return what it found and check it after.
func offThePool<T>(_ work: () throws -> T) async throws -> T {
    try await withoutActuallyEscaping(work) { work in
        let job = UncheckedBox<(() throws -> T)?>(work)
        let outcome = UncheckedBox<Result<T, any Error>?>(nil)
        await withCheckedContinuation { (finished: CheckedContinuation<Void, Never>) in
            Thread.detachNewThread {
                outcome.value = Result { try job.value!() }
                // The thread may outlive this call: it must not keep `work`.
                job.value = nil
                finished.resume()
            }
        }
        return try outcome.value!.get()
    }
}

/// Carries a value to the one thread that uses it while its owner waits.
private final class UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}
