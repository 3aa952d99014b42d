import Foundation
import Synchronization

/// Lets the grader see where every thread waits when a test finds threads
/// stuck, before anything moves on.
///
/// A wait of ``promptly`` or longer that runs out means threads that a
/// correct solution would have let go are stuck (a lost wake-up, a lock
/// never released, a deadlock); shorter waits that run out are the tests'
/// "still waiting" checks, which correct code fails on purpose. When the
/// grader asks for it (it sets `WORKBOOK_STOP_WHEN_STUCK=1` and watches the
/// process), the first such wait stops the whole test process; the grader
/// captures every thread's stack and lets the process go on. Without the
/// grader nothing happens, so `swift test` never stops.
enum StuckThreads {
    private static let enabled = ProcessInfo.processInfo.environment["WORKBOOK_STOP_WHEN_STUCK"] == "1"
    private static let reported = Atomic<Bool>(false)

    /// Called by a bounded wait that ran out after `seconds`.
    static func waitRanOut(after seconds: Double) {
        guard enabled, seconds >= promptly,
            !reported.exchange(true, ordering: .sequentiallyConsistent)
        else { return }
        raise(SIGSTOP)
    }
}
