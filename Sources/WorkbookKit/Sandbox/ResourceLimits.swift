/// What one sandboxed run may use.
struct ResourceLimits: Sendable {
    /// Resident memory (control group), or address space where there is no
    /// control group (except under ThreadSanitizer, which reserves terabytes).
    var memoryBytes: Int
    /// Processes and threads together.
    var processes: Int
    /// The largest file the run may write.
    var fileBytes: Int
    /// The size of its private `/tmp`.
    var temporaryBytes: Int
    /// CPU time of any one process.
    var cpuSeconds: Int
    var openFiles = 1024
    /// Whether the run is under ThreadSanitizer (no address-space limit).
    var threadSanitizer = false

    /// One test process of a graded suite.
    static let tests = ResourceLimits(
        memoryBytes: 1 << 30, processes: 512, fileBytes: 64 << 20,
        temporaryBytes: 128 << 20, cpuSeconds: 600)

    /// The same under ThreadSanitizer, whose shadow memory needs room.
    static let sanitizedTests = ResourceLimits(
        memoryBytes: 3 << 30, processes: 512, fileBytes: 64 << 20,
        temporaryBytes: 128 << 20, cpuSeconds: 1200, threadSanitizer: true)

    /// Compiling one submission's workspace.
    static let build = ResourceLimits(
        memoryBytes: 6 << 30, processes: 1024, fileBytes: 1 << 30,
        temporaryBytes: 1 << 30, cpuSeconds: 1800)

    /// Arguments for `prlimit`.
    func rlimits(memoryByAddressSpace: Bool) -> [String] {
        var limits = [
            "--nproc=\(processes)", "--fsize=\(fileBytes)", "--core=0",
            "--cpu=\(cpuSeconds)", "--nofile=\(openFiles)",
        ]
        if memoryByAddressSpace && !threadSanitizer { limits.append("--as=\(max(memoryBytes, 16 << 30))") }
        return limits
    }
}
