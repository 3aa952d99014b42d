import Testing
@testable import WorkbookKit

/// The user ids handed to runs: none shared inside a submission's block,
/// none outside it, and none that bubblewrap refuses.
struct SandboxUsersTests {
    @Test("a block's builder, runners and separate runners are all different, and all inside the block")
    func distinctInsideTheBlock() {
        let users = SandboxUsers.fresh()
        var all = [users.builder]
        for slot in 0..<SandboxUsers.slots { all += [users.runner(slot)] + users.separateRunners(slot) }
        #expect(Set(all).count == all.count, "no two runs of a submission share a user")
        #expect(all.allSatisfy { $0 >= users.base && $0 < users.base + SandboxUsers.blockSize })
    }

    @Test("every id handed out is below 2^31, the first user id bubblewrap refuses")
    func underBubblewrapsLimit() {
        #expect(SandboxUsers.end <= UInt64(Int32.max) + 1)
        let users = SandboxUsers.fresh()
        #expect(users.base >= SandboxUsers.firstID && UInt64(users.base) + UInt64(SandboxUsers.blockSize) <= SandboxUsers.end)
    }
}
