/// Turns the stacks of a hung test process into a short account a student
/// can act on: for each thread of their code, what it waits in and at which
/// line of their file, from which step of the test; a cycle of threads
/// waiting on locks the others hold is named as a deadlock, a lock held by a
/// thread that has ended as never released, and threads that all wait for a
/// signal nobody is left to send as a lost wake-up. Frames of the runtime,
/// Foundation and the test harness are folded away.
struct HangAccount {
    /// Where the student's modules are, where the harness is (folded away)
    /// and where the suites are, in the grading workspace.
    var studentFolder = "/Sources/"
    var harnessFolder = "/Sources/CourseSupport/"
    var testsFolder = "/Tests/"
    /// The shaken-schedule lane's library, between the student's code and
    /// pthreads in that lane (folded away too).
    var shakerFolder = "/\(ShakenSchedule.sourceFolder)/"

    /// A subject compiled alone (``SuiteEngine``) has its files here.
    var subjectFolder = SuiteRunner.insideWorkspace + "/src/"

    private func isStudent(_ location: String) -> Bool {
        (location.contains(studentFolder) && !location.contains(harnessFolder) && !location.contains(shakerFolder))
            || location.hasPrefix(subjectFolder)
    }

    enum Wait: Equatable {
        case lock(mutex: UInt64, owner: Int32)
        case condition, semaphore, join, sleep, yield, running
        /// A raw futex wait: `Synchronization.Mutex`, or an atomic wait.
        case futex

        var words: String {
            switch self {
            case .lock: "waits for a lock"
            case .condition: "waits on a condition"
            case .semaphore: "waits on a semaphore"
            case .join: "waits for other threads to finish"
            case .sleep: "sleeps"
            case .yield: "spins, yielding the processor"
            case .running: "is running (an endless loop?)"
            case .futex: "waits in the kernel (a Mutex, or another futex wait)"
            }
        }

        var isBlocked: Bool { self != .running && self != .yield }
    }

    /// One thread of the student's code, described.
    struct Waiter: Equatable {
        var label: String
        var tid: Int32
        var wait: Wait
        /// `Lock.swift:31`, or nil when no frame is in the student's file.
        var at: String?
        /// `LockTests.swift:88`: the test's own line that led here.
        var step: String?
    }

    func waiters(_ threads: [CapturedThread]) -> [Waiter] {
        var found: [Waiter] = []
        // The test's own thread, which stopped the process to be looked at
        // (CourseSupport's StuckThreads), is not one of the stuck.
        for thread in threads where !thread.frames.contains(where: { $0.function.contains("StuckThreads") }) {
            let at = thread.frames.lazy.compactMap(\.location).first(where: isStudent)
            let step = thread.frames.lazy.compactMap(\.location).first { $0.contains(testsFolder) }
            guard at != nil || step != nil else { continue }  // the harness's and the runtime's own threads
            let label = "thread \(Character(UnicodeScalar(UInt8(65 + found.count % 26))))"
            found.append(
                Waiter(
                    label: label, tid: thread.innerTid ?? thread.tid, wait: Self.wait(of: thread),
                    at: at.map(Self.short), step: step.map(Self.short)))
        }
        return found
    }

    /// The account, one line per thread, then what it adds up to.
    func lines(_ threads: [CapturedThread]) -> [String] {
        let waiters = waiters(threads)
        guard !waiters.isEmpty else { return ["no thread was in your code or in the test when it was stopped"] }
        let byTid = Dictionary(waiters.map { ($0.tid, $0) }, uniquingKeysWith: { first, _ in first })
        let known = Set(threads.map { $0.innerTid ?? $0.tid })
        var lines = waiters.map { waiter -> String in
            var line = "\(waiter.label) \(waiter.wait.words)"
            if case .lock(_, let owner) = waiter.wait {
                if let holder = byTid[owner] {
                    line +=
                        holder.tid == waiter.tid
                        ? " it holds itself"
                        : " held by \(holder.label)" + (holder.at == nil ? ", which has left your code without unlocking it" : "")
                } else if owner != 0 && !known.contains(owner) {
                    line += " held by a thread that has ended"
                }
            }
            if let at = waiter.at { line += " at \(at)" }
            if let step = waiter.step { line += " (test step \(step))" }
            return line
        }
        // The test's own threads (a join, a gate) wait on conditions too:
        // what counts for a lost wake-up is where the student's code waits.
        let inCode = waiters.filter { $0.at != nil }
        if let cycle = deadlock(waiters, byTid: byTid) {
            lines.append(Self.deadlockLine(cycle))
        } else if waiters.contains(where: { waiter in
            guard case .lock(_, let owner) = waiter.wait, owner != 0 else { return false }
            return !known.contains(owner) || byTid[owner]?.at == nil
        }) {
            lines.append(
                "a lock was never released: the thread that took it ended without unlocking (a missing unlock, or one skipped by a throw or an early return)"
            )
        } else if !inCode.isEmpty, inCode.allSatisfy({ $0.wait == .condition || $0.wait == .semaphore }) {
            lines.append(
                "every thread waits for a signal nobody is left to send: a lost wake-up (a signal sent before the wait, or an `if` where a `while` loop must re-check)"
            )
        }
        return lines
    }

    /// What a cycle of threads each waiting for a lock the next one holds
    /// adds up to: one thread waiting for itself, or a ring of them.
    static func deadlockLine(_ cycle: [Waiter]) -> String {
        guard cycle.count > 1 else {
            return "deadlock: \(cycle[0].label) waits for a lock it already holds, and a lock that is not recursive never opens "
                + "for its own holder (a lock taken again inside its own critical section, or left locked when a throw skipped the unlock)"
        }
        let links = cycle.indices.map { index in
            "\(cycle[index].label) waits for a lock \(cycle[(index + 1) % cycle.count].label) holds"
        }
        return "deadlock: " + links.dropLast().joined(separator: ", ") + " and " + links.last!
            + ", so none of them can go on: take the locks in one order that every thread agrees on"
    }

    /// A cycle in "waits for a lock held by", if there is one.
    private func deadlock(_ waiters: [Waiter], byTid: [Int32: Waiter]) -> [Waiter]? {
        for start in waiters {
            var path: [Waiter] = [start]
            var current = start
            while case .lock(_, let owner) = current.wait, let next = byTid[owner] {
                if next.tid == start.tid { return path }
                if path.contains(where: { $0.tid == next.tid }) { break }
                path.append(next)
                current = next
            }
        }
        return nil
    }

    static func wait(of thread: CapturedThread) -> Wait {
        // The library frames above the program's own code say what it waits in.
        let inner = thread.frames.prefix { !$0.library.isEmpty }
        func has(_ parts: String...) -> CapturedFrame? {
            inner.first { frame in parts.contains { frame.function.contains($0) } }
        }
        if let frame = has("pthread_mutex_lock", "pthread_mutex_clocklock", "pthread_mutex_timedlock") {
            return .lock(mutex: frame.mutex ?? 0, owner: frame.owner ?? 0)
        }
        if has("pthread_cond_") != nil { return .condition }
        if has("sema4_wait", "sem_wait", "sem_timedwait", "sem_clockwait", "semaphore_wait") != nil { return .semaphore }
        if has("pthread_join", "group_wait") != nil { return .join }
        if has("nanosleep") != nil { return .sleep }
        if has("sched_yield") != nil { return .yield }
        if has("futex", "syscall") != nil { return .futex }
        return .running
    }

    /// `/workspace/Sources/LockExercise/Lock.swift:31:9` → `Lock.swift:31`.
    static func short(_ location: String) -> String {
        let file = location.split(separator: "/").last.map(String.init) ?? location
        let parts = file.split(separator: ":")
        return parts.count >= 2 ? "\(parts[0]):\(parts[1])" : file
    }
}
