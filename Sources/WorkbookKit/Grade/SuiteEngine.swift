import Foundation

/// The graded suites built once, and subjects compiled alone and swapped in.
///
/// The engine's workspace builds the course's suites against the stubs,
/// each exercise module a shared library with a resilient interface
/// (library evolution). A subject (a student's exercise, the reference, a
/// mutant) is then compiled alone, as that module, into a library of its
/// own, and the unchanged test binary loads it instead of the stub
/// (`LD_LIBRARY_PATH`). One compiler call of about a second replaces a
/// package build.
///
/// The swap is only an optimisation: a subject takes it only when it
/// compiled alone, keeps its symbols to its own module, and defines every
/// symbol the suites use from the stub. Anything else is graded the old
/// way, by building the suites around it (``WorkspaceBuilder``), so the
/// engine can neither fail a correct design nor pass a broken one.
struct SuiteEngine: Sendable {
    let grader: Grader
    let workspace: GradingWorkspace

    /// Every grader of a course shares the engine (it holds only the
    /// course's own code): `.build/workbook/engine` and `engine-tsan`.
    init(grader: Grader, threadSanitizer: Bool) {
        self.grader = grader
        let folder = grader.course.root.appending(path: ".build/workbook/engine" + (threadSanitizer ? "-tsan" : ""))
        workspace = GradingWorkspace(
            course: grader.course, directory: folder, exercises: grader.course.exercises,
            threadSanitizer: threadSanitizer, swappableSubjects: true)
    }

    /// One preparation at a time, in this process and across processes.
    private static let preparing = NSLock()

    /// What the built suites need of each subject, kept beside the binary.
    struct Base: Codable, Sendable {
        var binaryStamp: String
        /// `exercise name → graded test IDs`.
        var tests: [String: [String]]
        /// `exercise name → symbols the test binary takes from its library`.
        var needed: [String: [String]]
        /// `exercise name → what its suite's source says of each test`
        /// (read once per build: parsing the suites takes a while).
        var index: [String: SuiteIndex]
    }

    private var baseFile: URL { workspace.directory.appending(path: "engine.json") }
    /// A module cache warmed by compiling a stub alone; each subject compile gets a linked copy.
    private var moduleCache: URL { workspace.directory.appending(path: "module-cache") }
    private var buildFolder: URL { workspace.directory.appending(path: ".build/debug") }

    /// Builds the suites against the stubs when the course changed, and
    /// notes what each subject must provide.
    func prepare(users: SandboxUsers) throws -> Base {
        Self.preparing.lock()
        defer { Self.preparing.unlock() }
        try FileManager.default.createDirectory(at: workspace.directory.deletingLastPathComponent(), withIntermediateDirectories: true)
        let lock = open(workspace.directory.path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        defer { if lock >= 0 { close(lock) } }
        if lock >= 0 { flock(lock, LOCK_EX) }
        let tests = try CourseTestList(grader: grader).tests(in: workspace, users: users)
        if workspace.buildsScheduleShaker, !FileManager.default.fileExists(atPath: workspace.scheduleShaker.path) {
            // Preloading a missing library only warns, and the lane would shake nothing.
            throw WorkbookError.commandFailed(
                command: "swift build --build-tests (the course's stubs)", status: 1,
                output: "the build made no \(ShakenSchedule.libraryName) (from \(ShakenSchedule.sourceFolder))")
        }
        let stamp = binaryStamp()
        if let data = FileManager.default.contents(atPath: baseFile.path),
            var base = try? JSONDecoder().decode(Base.self, from: data), base.binaryStamp == stamp
        {
            base.tests = tests  // listed for this grader's policy
            return base
        }
        grader.log("preparing the suites for swapped subjects")
        let binary = buildFolder.appending(path: "GradingPackageTests.xctest").path
        let wanted = Set(try symbols(["-D", "--undefined-only"], binary))
        var needed: [String: [String]] = [:]
        for exercise in workspace.exercises {
            let library = buildFolder.appending(path: "lib\(exercise.exerciseModule).so").path
            needed[exercise.name] = try symbols(["-D", "--defined-only"], library).filter(wanted.contains).sorted()
        }
        try warmModuleCache(users: users)
        changeOwner(of: workspace.directory, to: 0)  // no later submission's user may change it
        let index = Dictionary(uniqueKeysWithValues: workspace.exercises.map { ($0.name, SuiteIndex(course: grader.course, exercise: $0)) })
        let base = Base(binaryStamp: stamp, tests: tests, needed: needed, index: index)
        try JSONEncoder().encode(base).write(to: baseFile)
        return base
    }

    private func binaryStamp() -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: workspace.binary.path)
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(date)-\(attributes?[.size] as? Int ?? 0)"
    }

    private func symbols(_ options: [String], _ path: String) throws -> [String] {
        let listing = ProcessRunner.run(Toolchain.nm, options + ["--format=just-symbols", path], timeout: 60, outputCap: 32 << 20)
        guard listing.ending == .exited(0) else {
            throw WorkbookError.commandFailed(command: "llvm-nm \(path)", status: listing.shellStatus, output: listing.output)
        }
        return listing.output.split(separator: "\n").map(String.init)
    }

    private func warmModuleCache(users: SandboxUsers) throws {
        try? FileManager.default.removeItem(at: moduleCache)
        guard let exercise = workspace.exercises.first else { return }
        let warm = compile(exercise, grader.stubs[exercise.name] ?? [:], base: nil, user: users.builder, cache: nil)
        defer { warm.discard() }
        guard case .swappable = warm.outcome else {
            throw WorkbookError.commandFailed(command: "swiftc (a stub, alone)", status: nil, output: "\(warm.outcome)")
        }
        try FileManager.default.moveItem(at: warm.folder.appending(path: "cache"), to: moduleCache)
    }

    /// A subject compiled alone, in a folder of its own.
    struct Subject: Sendable {
        enum Outcome: Sendable, Equatable {
            /// The library in `library` can replace the stub's.
            case swappable
            /// Grade it by building the suites around it, and why.
            case buildAround(String)
        }

        var folder: URL
        var outcome: Outcome
        /// The folder holding the subject's library.
        var library: URL { folder.appending(path: "out") }

        func discard() { try? FileManager.default.removeItem(at: folder) }
    }

    /// Compiles `sources` alone as `exercise`'s module, inside the sandbox
    /// as `user` (who may write only the subject's own folder).
    func compile(_ exercise: Exercise, _ sources: [String: String], base: Base?, user: UInt32) -> Subject {
        compile(exercise, sources, base: base, user: user, cache: moduleCache)
    }

    private func compile(_ exercise: Exercise, _ sources: [String: String], base: Base?, user: UInt32, cache: URL?) -> Subject {
        let folder = URL(filePath: workspace.directory.path + "-subjects").appending(path: UUID().uuidString)
        var subject = Subject(folder: folder, outcome: .buildAround("it could not be compiled alone"))
        do {
            try WorkbookKit.replaceFolder(folder.appending(path: "src"), with: sources)
            try FileManager.default.createDirectory(at: folder.appending(path: "out"), withIntermediateDirectories: true)
            let copy = folder.appending(path: "cache")
            if let cache, FileManager.default.fileExists(atPath: cache.path) {
                // Hard links: the compiler reads the warmed modules, and any
                // module it writes replaces a link in this copy only.
                let linked = ProcessRunner.run("/bin/cp", ["-al", cache.path, copy.path], timeout: 60)
                guard linked.ending == .exited(0) else { return subject }
            }
        } catch { return subject }
        if grader.sandbox.isolation == .full { changeOwner(of: folder, to: user) }

        let module = exercise.exerciseModule
        let inside = SuiteRunner.insideWorkspace
        let files = sources.keys.sorted().map {
            grader.sandbox.visiblePath(host: folder.appending(path: "src/\($0)"), inside: "\(inside)/src/\($0)")
        }
        let output = grader.sandbox.visiblePath(
            host: folder.appending(path: "out/lib\(module).so"), inside: "\(inside)/out/lib\(module).so")
        let cachePath = grader.sandbox.visiblePath(host: folder.appending(path: "cache"), inside: "\(inside)/cache")
        // One frontend job that writes no module (the suites were built
        // against the stub's), line tables only (enough for the hang
        // account's and ThreadSanitizer's file:line), and lld when the
        // toolchain has it: about half the time of a default compile.
        var arguments = [
            "-module-name", module, "-emit-library", "-enable-library-evolution", "-parse-as-library",
            "-swift-version", "6", "-Onone", "-gline-tables-only", "-DSWIFT_PACKAGE", "-DDEBUG",
            "-wmo", "-no-emit-module-separately-wmo",
            "-module-cache-path", cachePath,
            "-Xfrontend", "-solver-expression-time-threshold=\(GradingWorkspace.secondsPerExpression)",
        ]
        if FileManager.default.isExecutableFile(atPath: Toolchain.tool("ld.lld")) { arguments.append("-use-ld=lld") }
        if workspace.threadSanitizer { arguments.append("-sanitize=thread") }
        let run = SandboxRun(
            uid: user, binds: [.init(host: folder, inside: inside, writable: true)],
            workingDirectory: inside, hostWorkingDirectory: folder, limits: .build)
        guard let prepared = try? grader.sandbox.prepare([Toolchain.swiftc] + arguments + files + ["-o", output], run) else {
            return subject
        }
        let compiled = prepared.run(timeout: grader.policy.secondsPerBuild, outputCap: 4 << 20)
        prepared.finish()
        guard compiled.ending == .exited(0) else {
            subject.outcome = .buildAround("it did not compile alone")
            return subject
        }
        subject.outcome = judge(folder.appending(path: "out/lib\(module).so"), module: module, needed: base?.needed[exercise.name] ?? [])
        return subject
    }

    /// Whether a compiled library may stand in for the stub's.
    private func judge(_ library: URL, module: String, needed: [String]) -> Subject.Outcome {
        let listing = ProcessRunner.run(
            Toolchain.nm, ["--extern-only", "--no-sort", "--format=posix", library.path],
            timeout: 60, outputCap: 32 << 20)
        guard listing.ending == .exited(0) else { return .buildAround("its symbols could not be listed") }
        // The sanitizer's instrumentation calls into its runtime; the same
        // sources were checked without it.
        let lines = listing.output.split(separator: "\n").filter { !(workspace.threadSanitizer && $0.hasPrefix("__tsan_")) }
        if !SymbolCheck.problems(module: module, posixListing: lines.joined(separator: "\n"), allowing: SymbolCheck.linkerDefined).isEmpty {
            return .buildAround("its library defines symbols outside its module")
        }
        let defined = (try? symbols(["-D", "--defined-only"], library.path)).map(Set.init) ?? []
        let missing = needed.filter { !defined.contains($0) }
        return missing.isEmpty
            ? .swappable
            : .buildAround("its public interface differs from the stub's (\(missing.count) symbols the suite uses are missing)")
    }
}
