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
    static let blockSize: UInt32 = 64
    private static let nextBlock = Atomic<UInt32>(0)

    /// A fresh block of `blockSize` user ids.
    public static func fresh() -> SandboxUsers {
        let block = nextBlock.add(1, ordering: .relaxed).newValue % 1024
        let process = UInt32(getpid()) % 4096
        return SandboxUsers(base: 1_800_000_000 + (process * 1024 + block) * blockSize)
    }

    /// The user that builds the workspace (it runs the compiler, never student code).
    var builder: UInt32 { base }

    /// The user of test run number `slot` (0 ..< blockSize - 1).
    func runner(_ slot: Int) -> UInt32 { base + 1 + UInt32(slot) % (Self.blockSize - 1) }

    /// Used once, to see whether bubblewrap can switch users here.
    static let probeUser: UInt32 = 1_799_999_999
}
