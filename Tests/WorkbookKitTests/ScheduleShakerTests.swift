import Foundation
import Testing
@testable import WorkbookKit

/// The schedule shaker itself (`Sources/ScheduleShaker`, the library this
/// package builds as `libScheduleShaker.so` beside the test binary),
/// preloaded into a small timing-dependent program: a check-then-act on an
/// `NSLock`-protected flag, where two threads each see the flag free and
/// both claim it. Unshaken, the window between the check and the claim is
/// a few instructions wide and almost never hit; shaken, it is hit in many
/// rounds of every run.
@Suite struct ScheduleShakerTests {
    static let program = """
        import Foundation

        // A flag claimed with check-then-act: the check and the claim each
        // hold the lock, but not together, so two threads can both win.
        final class Claim: @unchecked Sendable {
            let lock = NSLock()
            var taken = false   // guarded by lock
            var winners = 0     // guarded by lock
        }

        let rounds = Int(CommandLine.arguments[1]) ?? 0
        var doubled = 0
        for _ in 0..<rounds {
            let claim = Claim()
            let finished = DispatchSemaphore(value: 0)
            for _ in 0..<2 {
                Thread {
                    claim.lock.lock()
                    let free = !claim.taken
                    claim.lock.unlock()
                    if free {
                        claim.lock.lock()
                        claim.taken = true
                        claim.winners += 1
                        claim.lock.unlock()
                    }
                    finished.signal()
                }.start()
            }
            for _ in 0..<2 where finished.wait(timeout: .now() + 10) == .timedOut { exit(2) }
            if claim.lock.withLock({ claim.winners }) > 1 { doubled += 1 }
        }
        print(doubled)
        """

    static let rounds = 400
    static let seeds: [UInt64] = [1, 2, 3, 4, 5]

    /// `libScheduleShaker.so`, built by SwiftPM beside this test binary.
    static var library: URL {
        URL(filePath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appending(path: ShakenSchedule.libraryName)
    }

    /// Compiles the program once, then counts its double claims in
    /// `rounds` rounds for each environment.
    private func doubleClaims(_ environments: [[String: String]]) throws -> [Int?] {
        let folder = try TemporaryFolder()
        try folder.write(Self.program, to: "main.swift")
        let binary = folder.url.appending(path: "claim")
        let compiled = ProcessRunner.run(
            Toolchain.swiftc, [folder.url.appending(path: "main.swift").path, "-o", binary.path], timeout: 300)
        guard compiled.ending == .exited(0) else {
            throw WorkbookError.commandFailed(command: "swiftc main.swift", status: 1, output: compiled.output)
        }
        return environments.map { environment in
            let run = ProcessRunner.run(binary.path, ["\(Self.rounds)"], environment: environment, timeout: 120)
            guard run.ending == .exited(0) else { return nil }
            return Int(run.output.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }

    @Test("a check-then-act fails in many more rounds with the library preloaded than without, for fixed seeds")
    func widensTheWindow() async throws {
        let library = Self.library
        try #require(
            FileManager.default.fileExists(atPath: library.path), "\(library.path) is missing: `swift build --build-tests` builds it")
        let shaken = Self.seeds.map { ["LD_PRELOAD": library.path, ShakenSchedule.seedVariable: "\($0)"] }
        let plain = Self.seeds.map { _ in [String: String]() }
        let counts = try await offThePool { try doubleClaims(shaken + plain) }
        try #require(counts.allSatisfy { $0 != nil }, "a run failed or printed no count: \(counts)")
        let withLibrary = counts.prefix(shaken.count).compactMap { $0 }.reduce(0, +)
        let without = counts.dropFirst(shaken.count).compactMap { $0 }.reduce(0, +)
        let total = Self.rounds * Self.seeds.count
        // Measured on 2 busy cores: about 1 in 15 rounds shaken, 1 in 2,000 not.
        #expect(withLibrary >= total / 50, "shaken: \(withLibrary) of \(total) rounds claimed twice")
        #expect(withLibrary >= 5 * max(without, 1), "shaken: \(withLibrary), not shaken: \(without) of \(total) rounds claimed twice")
    }

    @Test("preloaded without a seed, or with one that is not a number, it changes nothing and breaks nothing")
    func offWithoutSeed() async throws {
        let library = Self.library
        try #require(FileManager.default.fileExists(atPath: library.path))
        let counts = try await offThePool {
            try doubleClaims([["LD_PRELOAD": library.path], ["LD_PRELOAD": library.path, ShakenSchedule.seedVariable: "12x"]])
        }
        #expect(counts.allSatisfy { $0 != nil && $0! <= Self.rounds / 50 }, "\(counts)")
    }
}
