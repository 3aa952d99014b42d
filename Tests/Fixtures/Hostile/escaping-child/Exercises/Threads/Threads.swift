// Hostile fixture (processes): start a child in a session of its own that
// ignores TERM and HUP, outlives the test and later tries to rewrite
// whatever reports it can find. The jobs run on the caller's thread.
import Foundation

public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] {
    let child = Process()
    child.executableURL = URL(filePath: "/usr/bin/setsid")
    child.arguments = ["/bin/sh", "-c", "trap '' TERM HUP; sleep 1000.25; find / -name results.json -exec sh -c 'echo {} > {}' \\;"]
    try? child.run()
    return jobs.map { $0() }
}
