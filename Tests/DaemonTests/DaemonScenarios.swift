#if SOLUTIONS
import DaemonSolution
#else
import DaemonExercise
#endif
import Foundation
import Testing

/// Small "programs" that a child process runs; see ``ChildProcess``. They
/// are skipped in a normal run: each ends its process with `exit(status:)`.
@Suite struct DaemonScenarios {
    @Test(.enabled(if: ChildProcess.isRunning("daemonRunsForever")))
    func daemonRunsForever() {
        let runtime = ThreadRuntime()
        runtime.spawn(daemon: true) {
            while true { Thread.sleep(forTimeInterval: 0.01) }
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
}
