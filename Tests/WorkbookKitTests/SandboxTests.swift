import Foundation
import Testing

@testable import WorkbookKit

/// The sandbox's walls, one at a time, with a shell inside them: what a run
/// sees, may write, inherits and can leave behind. The hostile fixtures
/// attack the same walls through the whole grader.
@Suite(.enabled(if: Sandbox.machine.isolation == .full, "needs root, bubblewrap and user namespaces"))
struct SandboxTests {
    static let secret = "WORKBOOK-SANDBOX-SECRET-\(UUID().uuidString)"
    let sandbox: Sandbox
    let user: UInt32

    init() throws {
        sandbox = try Sandbox.make(.required)
        user = SandboxUsers.fresh().runner(0)
    }

    /// Runs `script` with `sh` inside the walls and returns what it printed.
    func run(_ script: String, binds: [SandboxRun.Bind] = []) throws -> ProcessOutcome {
        let run = SandboxRun(uid: user, binds: binds, limits: .tests)
        let prepared = try sandbox.prepare(["/bin/sh", "-c", script], run)
        defer { prepared.finish() }
        return prepared.run(timeout: 30, outputCap: 1 << 20)
    }

    @Test("a run sees /usr, the toolchain and its binds, a private empty /tmp, and none of the machine's files")
    func filesItSees() throws {
        let course = URL(filePath: #filePath).deletingLastPathComponent().path
        let outcome = try run(
            """
            ls -A /tmp | wc -l; touch /tmp/mine && echo tmp-writable
            for path in /etc/shadow /root \(course) /home /var; do test -e "$path" && echo "visible: $path"; done
            exit 0
            """)
        #expect(outcome.ending == .exited(0), "\(outcome.output)")
        let lines = outcome.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "0", "a fresh /tmp: \(outcome.output)")
        #expect(lines.contains("tmp-writable"))
        #expect(!outcome.output.contains("visible:"), "\(outcome.output)")
    }

    @Test("a read-only bind cannot be written; a writable one can, as the run's own user")
    func binds() throws {
        let folder = try TemporaryFolder()
        try folder.write("course file\n", to: "read-only/file.txt")
        try FileManager.default.createDirectory(at: folder.url.appending(path: "writable"), withIntermediateDirectories: true)
        chmod(folder.url.appending(path: "writable").path, 0o777)
        let outcome = try run(
            "cat /data/file.txt; echo planted > /data/file.txt || echo refused; echo made > /out/made.txt && echo written",
            binds: [
                .init(host: folder.url.appending(path: "read-only"), inside: "/data"),
                .init(host: folder.url.appending(path: "writable"), inside: "/out", writable: true),
            ])
        #expect(outcome.output.contains("course file") && outcome.output.contains("refused") && outcome.output.contains("written"))
        #expect(try String(contentsOf: folder.url.appending(path: "read-only/file.txt"), encoding: .utf8) == "course file\n")
        let made = try FileManager.default.attributesOfItem(atPath: folder.url.appending(path: "writable/made.txt").path)
        #expect((made[.ownerAccountID] as? NSNumber)?.uint32Value == user)
    }

    @Test("the environment is the allow-list only: nothing of the grader's reaches the run")
    func environment() throws {
        setenv("WORKBOOK_SANDBOX_TEST_SECRET", Self.secret, 1)
        let outcome = try run("env")
        #expect(!outcome.output.contains(Self.secret))
        let names = Set(outcome.output.split(separator: "\n").compactMap { $0.split(separator: "=").first.map(String.init) })
        #expect(names.isSubset(of: ["PATH", "HOME", "TMPDIR", "LANG", "PWD", "SHLVL", "_"]), "\(names.sorted())")
    }

    @Test("a run has a user id of its own, no capabilities, and no network but loopback")
    func userAndNetwork() throws {
        let outcome = try run("id -u; grep CapEff /proc/self/status; tail -n +3 /proc/net/dev | cut -d: -f1")
        let lines = outcome.output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.first == "\(user)", "\(outcome.output)")
        #expect(lines.contains { $0.hasPrefix("CapEff:") && $0.hasSuffix("0000000000000000") }, "\(outcome.output)")
        #expect(Array(lines.dropFirst(2)) == ["lo"], "network interfaces: \(lines.dropFirst(2))")
    }

    @Test("a process left behind in the background does not outlive its run")
    func nothingLeftBehind() throws {
        let marker = "4242.\(Int.random(in: 1000...9999))"
        let outcome = try run("sleep \(marker) & echo started")
        #expect(outcome.output.contains("started"))
        let survivors = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).filter { pid in
            guard Int(pid) != nil, let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: data, as: UTF8.self).contains(marker)
        }
        #expect(survivors.isEmpty, "still running: \(survivors)")
    }
}
