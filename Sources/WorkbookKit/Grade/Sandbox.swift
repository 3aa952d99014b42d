import Foundation

/// The limits put around student code, built from what this machine allows.
public struct Sandbox: Sendable {
    /// The command prefix that applies the limits.
    public var wrapper: [String]
    /// What is enforced, in words, for reports.
    public var enforced: [String]
    /// A writable, world-accessible scratch folder for the process's files.
    public var environment: [String: String]

    public static let outputFileLimit = 64 << 20

    /// Probes the machine once: network namespace, unprivileged user, limits.
    /// - Parameter binary: the program to run; the unprivileged user is used
    ///   only if it can reach it (a private checkout folder would forbid it).
    public static func probe(for binary: URL, threadSanitizer: Bool = false) -> Sandbox {
        var wrapper: [String] = []
        var enforced: [String] = []
        // A new network namespace has only a loopback interface, and it is
        // down; Foundation's Process needs it up (CFSocket's wake-up pair).
        let isolateNetwork = ["/usr/bin/unshare", "--net", "--", "/bin/sh", "-c",
                              "/usr/sbin/ip link set lo up && exec \"$@\"", "sh"]
        if works(isolateNetwork + ["/bin/true"]) {
            wrapper += isolateNetwork
            enforced.append("no network (a network namespace with only loopback)")
        }
        let dropUser = ["/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups", "--"]
        if getuid() == 0, works(dropUser + ["/usr/bin/test", "-x", binary.path]) {
            wrapper += dropUser
            enforced.append("runs as an unprivileged user (nobody, or an account-less user id of its own while other suites run)")
        }
        var limits = ["--nproc=512", "--fsize=\(outputFileLimit)", "--core=0"]
        if !threadSanitizer { limits.append("--as=\(16 << 30)") }
        if works(["/usr/bin/prlimit"] + limits + ["--", "/bin/true"]) {
            wrapper += ["/usr/bin/prlimit"] + limits + ["--"]
            enforced.append("at most 512 processes and threads, files and output up to 64 MiB, no core dumps"
                            + (threadSanitizer ? "" : ", 16 GiB of address space"))
        }
        return Sandbox(wrapper: wrapper, enforced: enforced, environment: ["HOME": "/tmp"])
    }

    /// The user `nobody`, whom student code runs as.
    static let nobody: UInt32 = 65534

    /// The same limits for suite number `slot` of several running at once.
    ///
    /// The process-and-thread limit counts every process of a user, so
    /// suites that run side by side each get a user id of their own (slot 0
    /// is `nobody`; the others have no account): a thread bomb in one suite
    /// cannot starve another of threads.
    func user(slot: Int) -> Sandbox {
        guard slot > 0 else { return self }
        let uid = 1_900_000_000 + UInt32(slot)
        var copy = self
        copy.wrapper = wrapper.map { $0 == "--reuid=\(Self.nobody)" ? "--reuid=\(uid)" : $0 }
        return copy
    }

    private static func works(_ command: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: command[0]) else { return false }
        let outcome = ProcessRunner.run(command[0], Array(command.dropFirst()), timeout: 10)
        return outcome.ending == .exited(0)
    }
}
