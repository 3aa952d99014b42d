import Foundation
import Synchronization

/// User ids with no account, handed out so that no two runs share one.
///
/// Each submission gets a block of its own, so a process one submission
/// leaves behind (if any could) would own nothing the next one uses, and the
/// per-user process limit of one run cannot be exhausted by another's thread
/// bomb. Blocks are drawn from this process's id, so two graders running
/// side by side do not collide.
public struct SandboxUsers: Sendable {
    /// The first id of this block.
    let base: UInt32
    static let blockSize: UInt32 = 128
    private static let nextBlock = Atomic<UInt32>(0)

    /// A fresh block of `blockSize` user ids.
    public static func fresh() -> SandboxUsers {
        let block = nextBlock.add(1, ordering: .relaxed).newValue % blocksPerProcess
        let process = UInt32(getpid()) % processes
        return SandboxUsers(base: firstID + (process * blocksPerProcess + block) * blockSize)
    }

    static let firstID: UInt32 = 1_800_000_000
    static let processes: UInt32 = 2048
    static let blocksPerProcess: UInt32 = 1024
    /// One past the last id handed out: bubblewrap refuses ids from 2^31 on.
    static var end: UInt64 { UInt64(firstID) + UInt64(processes * blocksPerProcess) * UInt64(blockSize) }

    /// The user that builds the workspace (it runs the compiler, never student code).
    var builder: UInt32 { base }

    /// The user of test run number `slot` (0 ..< ``slots``).
    func runner(_ slot: Int) -> UInt32 { base + 1 + UInt32(slot % Self.slots) }

    /// The users of the further processes that run slot `slot`'s failing
    /// tests side by side (``SuiteRunner/separateUsers``): two more, so a
    /// wrong exercise's tests, which mostly wait out their bounded waits,
    /// take about half the time.
    func separateRunners(_ slot: Int) -> [UInt32] {
        (1...2).map { base + 1 + UInt32(slot % Self.slots) + UInt32($0 * Self.slots) }
    }

    /// Test runs per submission, each with users of its own (a lane of each exercise).
    static let slots = 42

    /// Used once, to see whether bubblewrap can switch users here.
    static let probeUser: UInt32 = 1_799_999_999
}
