#if SOLUTIONS
import DaemonSolution
#else
import DaemonExercise
#endif
import Foundation
import Testing

/// Signalled by the helper thread of ``DaemonScenarios/longNonDaemonAndWaiter()``
/// when its `waitForNonDaemonThreads()` returns; read at exit by
/// ``reportAtExit()``. A global, because an `atexit` handler
/// cannot capture anything.
private let helperWoken = DispatchSemaphore(value: 0)

/// Signalled by the long non-daemon job of the same scenario when it is done.
private let longJobDone = DispatchSemaphore(value: 0)

/// An `atexit` handler: it runs inside `exit`, after `exit(status:)` has
/// stopped waiting. It says whether the long job was done by then, and
/// whether the helper's wait returned as well (allowing it a moment to be
/// scheduled; the long job may end in that moment, so it is checked first).
private func reportAtExit() {
    if longJobDone.wait(timeout: .now()) != .success {
        print("exit: returned before the long job was done")
    }
    if helperWoken.wait(timeout: .now() + 2) == .success {
        print("helper: woken")
    } else {
        print("helper: still waiting when the program exited")
    }
}

/// Small "programs" that a child process runs; see ``ChildProcess``. They
/// are skipped in a normal run: each ends its process with `exit(status:)`.
@Suite struct DaemonScenarios {
    @Test(.enabled(if: ChildProcess.isRunning("daemonBesideNonDaemon")))
    func daemonBesideNonDaemon() {
        let runtime = ThreadRuntime()
        runtime.spawn(daemon: true) {
            while true { Thread.sleep(forTimeInterval: 0.01) }
        }
        runtime.spawn {
            Thread.sleep(forTimeInterval: 0.3)
            print("worker: report saved")
        }
        ChildProcess.announceEndOfProgram()
        runtime.exit(status: 0)
    }

    @Test(.enabled(if: ChildProcess.isRunning("slowNonDaemon")))
    func slowNonDaemon() {
        let runtime = ThreadRuntime()
        runtime.spawn {
            Thread.sleep(forTimeInterval: 0.3)
            print("worker: report saved")
        }
        ChildProcess.announceEndOfProgram()
        runtime.exit(status: 3)
    }

    @Test(.enabled(if: ChildProcess.isRunning("nestedNonDaemon")))
    func nestedNonDaemon() {
        let runtime = ThreadRuntime()
        runtime.spawn {
            Thread.sleep(forTimeInterval: 0.05)
            runtime.spawn {
                Thread.sleep(forTimeInterval: 0.3)
                print("grandchild: report saved")
            }
        }
        ChildProcess.announceEndOfProgram()
        runtime.exit(status: 0)
    }

    /// A non-daemon thread works for 3 s, longer than any "safety" deadline
    /// of a second or two. A helper thread waits for it too, so both the
    /// helper and `exit(status:)` are waiting when it ends.
    @Test(.enabled(if: ChildProcess.isRunning("longNonDaemonAndWaiter")))
    func longNonDaemonAndWaiter() {
        let runtime = ThreadRuntime()
        runtime.spawn {
            Thread.sleep(forTimeInterval: 3)
            print("worker: long job done")
            longJobDone.signal()
        }
        let helperStarted = DispatchSemaphore(value: 0)
        Thread {
            helperStarted.signal()
            runtime.waitForNonDaemonThreads()
            helperWoken.signal()
        }.start()
        helperStarted.wait()
        Thread.sleep(forTimeInterval: 0.1)  // the helper is waiting by now
        atexit { reportAtExit() }
        ChildProcess.announceEndOfProgram()
        runtime.exit(status: 4)
    }
}
