import Foundation

/// The walls put around everything that compiles or runs student code,
/// built with bubblewrap from what this machine allows.
///
/// A sandboxed run sees a fresh root holding only `/usr`, the toolchain and
/// the folders bound into it (read-only unless said otherwise), a private
/// size-capped `/tmp`, its own process, network (loopback only), IPC and UTS
/// namespaces, an empty environment plus an allow-list, and runs as a user
/// id of its own with no capabilities and no way to make user namespaces.
/// Memory and processes are capped by a control group where the machine
/// allows one (rlimits otherwise); files, CPU time and core dumps by rlimits.
public struct Sandbox: Sendable {
    /// How much isolation a command insists on.
    public enum Requirement: Sendable {
        /// Grading others' work: refuse unless every wall can be built.
        case required
        /// A student's own work, or the course's own code: use what there is.
        case bestEffort
        /// Told to run without walls (`--unsafe-no-sandbox`).
        case none
    }

    enum Isolation: Sendable {
        /// bubblewrap as root, each run as a user id of its own.
        case full
        /// bubblewrap as the calling user (unprivileged user namespaces).
        case ownUser
        /// No bubblewrap: rlimits and a time limit only.
        case limitsOnly
    }

    let isolation: Isolation
    let controlGroups: ControlGroup.Roots?
    let toolchainRoot: String
    /// What is enforced, in words, for every report.
    public let protections: [String]
    /// What could not be enforced here, in words.
    public let missing: [String]

    /// Whether runs see the sandbox's own file layout (`/workspace`, …)
    /// rather than the machine's.
    var isolatesFiles: Bool { isolation != .limitsOnly }

    static let bwrap = "/usr/bin/bwrap"

    /// Builds the sandbox this machine allows.
    ///
    /// - Throws: for `.required`, when bubblewrap is missing, user namespaces
    ///   are off, or the grader is not root (so runs could not each have a
    ///   user id of their own); the message names what is missing.
    public static func make(_ requirement: Requirement) throws(WorkbookError) -> Sandbox {
        try make(requirement, on: machine)
    }

    /// The sandbox for `requirement` on a machine that allows `machine`.
    static func make(_ requirement: Requirement, on machine: Sandbox) throws(WorkbookError) -> Sandbox {
        if requirement == .none { return unconfined }
        if requirement == .required, machine.isolation != .full {
            throw .sandboxUnavailable(missing: machine.missing)
        }
        return machine
    }

    /// What this machine allows, probed once per process.
    public static let machine: Sandbox = probe()

    static let unconfined = Sandbox(
        isolation: .limitsOnly, controlGroups: nil, toolchainRoot: Toolchain.root,
        protections: ["time limits and rlimits only (--unsafe-no-sandbox): student code ran with the grader's files, network and user"],
        missing: ["told to run without a sandbox"])

    private static func probe() -> Sandbox {
        var missing: [String] = []
        var isolation = Isolation.limitsOnly
        if !FileManager.default.isExecutableFile(atPath: bwrap) {
            missing.append("bubblewrap is not installed (Debian: apt-get install bubblewrap)")
        } else if getuid() == 0, works(fullWalls(uid: SandboxUsers.probeUser)) {
            isolation = .full
        } else if works(ownUserWalls()) {
            isolation = .ownUser
            missing.append(
                getuid() == 0
                    ? "bubblewrap cannot switch to a user of its own here"
                    : "not run as root: every run uses your own user id")
        } else {
            missing.append(
                "bubblewrap cannot make user namespaces here (kernel.unprivileged_userns_clone, or a container that forbids them)")
        }
        let groups = getuid() == 0 ? ControlGroup.Roots.probe() : nil
        if groups == nil {
            missing.append(
                "no writable memory and pids control groups: memory is capped by address space (not under ThreadSanitizer), processes per user"
            )
        }

        var protections: [String] = []
        switch isolation {
        case .full:
            protections.append(
                "bubblewrap: only the toolchain and the grading workspace visible (read-only), private /tmp, own process, network (loopback only) and IPC namespaces, empty environment"
            )
            protections.append("a user id of its own for every run, no capabilities, no new user namespaces")
        case .ownUser:
            protections.append(
                "bubblewrap: only the toolchain and the workspace visible, private /tmp, own process and network namespaces, empty environment (as your own user)"
            )
        case .limitsOnly:
            protections.append("no sandbox: time limits and rlimits only")
        }
        protections.append(
            groups != nil
                ? "a control group per run: resident memory and process count capped, every process killed when the run ends"
                : "rlimits: processes per user, address space (except under ThreadSanitizer)")
        protections.append("rlimits: file size, CPU time, open files, no core dumps; every run and build bounded in time")
        return Sandbox(
            isolation: isolation, controlGroups: groups, toolchainRoot: Toolchain.root,
            protections: protections, missing: missing)
    }

    private static func works(_ command: [String]) -> Bool {
        let outcome = ProcessRunner.run(command[0], Array(command.dropFirst()) + ["/bin/true"], timeout: 10)
        return outcome.ending == .exited(0)
    }

    /// The path a run uses for `host`, which is bound at `inside`.
    func visiblePath(host: URL, inside: String) -> String {
        isolatesFiles ? inside : host.path
    }

    /// The command that runs `program` inside the walls, and the control
    /// group holding it (to be destroyed when the run ends).
    func prepare(_ program: [String], _ run: SandboxRun) throws -> PreparedRun {
        var group: ControlGroup?
        if let roots = controlGroups {
            group = try ControlGroup.make(in: roots, memoryBytes: run.limits.memoryBytes, processes: run.limits.processes)
        }
        var command = group?.joinCommand ?? []
        command += ["/usr/bin/prlimit"] + run.limits.rlimits(memoryByAddressSpace: group == nil) + ["--"]
        switch isolation {
        case .full:
            command += Self.dropUser(run.uid) + Self.fullWalls(uid: run.uid)
        case .ownUser:
            command += Self.ownUserWalls()
        case .limitsOnly:
            let environment = run.allowedEnvironment.map { "\($0.key)=\($0.value)" }.sorted()
            return PreparedRun(
                command: command + ["/usr/bin/env", "-i"] + environment + program, group: group,
                directory: run.hostWorkingDirectory)
        }
        if toolchainRoot != "/" && !toolchainRoot.hasPrefix("/usr/") { command += ["--ro-bind", toolchainRoot, toolchainRoot] }
        command += ["--size", "\(run.limits.temporaryBytes)", "--tmpfs", "/tmp"]
        for bind in run.binds {
            command += [bind.writable ? "--bind" : "--ro-bind", bind.host.path, bind.inside]
        }
        command += ["--chdir", run.workingDirectory, "--clearenv"]
        for (key, value) in run.allowedEnvironment.sorted(by: { $0.key < $1.key }) { command += ["--setenv", key, value] }
        return PreparedRun(command: command + ["--"] + program, group: group, directory: nil)
    }

    private static func dropUser(_ uid: UInt32) -> [String] {
        [
            "/usr/bin/setpriv", "--reuid=\(uid)", "--regid=\(uid)", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--",
        ]
    }

    private static let baseWalls = [
        bwrap, "--unshare-all", "--unshare-user", "--die-with-parent", "--new-session",
        "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64",
        "--symlink", "usr/bin", "/bin", "--symlink", "usr/sbin", "/sbin", "--proc", "/proc", "--dev", "/dev",
    ]

    private static func fullWalls(uid: UInt32) -> [String] {
        baseWalls + ["--disable-userns", "--uid", "\(uid)", "--gid", "\(uid)"]
    }

    private static func ownUserWalls() -> [String] { baseWalls + ["--disable-userns"] }
}

/// One run inside the sandbox: who it runs as, what it sees, what it may use.
struct SandboxRun: Sendable {
    struct Bind: Sendable {
        var host: URL
        var inside: String
        var writable = false
    }

    var uid: UInt32
    var binds: [Bind] = []
    /// Inside the sandbox.
    var workingDirectory = "/tmp"
    /// Used only when files are not isolated.
    var hostWorkingDirectory: URL?
    /// Added to the allow-list (`PATH`, `HOME`, `TMPDIR`, `LANG`): a lane's
    /// own variables (`TSAN_OPTIONS`; `LD_PRELOAD` and the shaker's seed)
    /// and `LD_LIBRARY_PATH` for a swapped-in subject.
    var environment: [String: String] = [:]
    var limits: ResourceLimits

    var allowedEnvironment: [String: String] {
        ["PATH": "\(Toolchain.root)/usr/bin:/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8"]
            .merging(environment) { $1 }
    }
}

/// A sandboxed command ready to start, and the control group to destroy after.
struct PreparedRun: Sendable {
    var command: [String]
    var group: ControlGroup?
    /// The working directory on the host, when files are not isolated.
    var directory: URL?

    /// Runs the command (see ``ProcessRunner/run(_:_:in:environment:timeout:outputCap:wrapper:whileRunning:)``).
    func run(timeout: Double, outputCap: Int, whileRunning: ((pid_t) -> Bool)? = nil) -> ProcessOutcome {
        ProcessRunner.run(
            command[0], Array(command.dropFirst()), in: directory, timeout: timeout,
            outputCap: outputCap, whileRunning: whileRunning)
    }

    /// Ends every process the run left behind and removes its control group.
    func finish() { group?.destroy() }
}
