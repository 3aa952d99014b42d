import Foundation

/// What the ThreadSanitizer lane compiles of an exercise, best first.
///
/// `Synchronization.Mutex` locks with futex operations ThreadSanitizer
/// cannot see, so a correct program that uses it is reported as racy. When
/// the code mentions `Mutex`, the first attempt adds a look-alike the
/// sanitizer can see (`Tests/ThreadSanitizerLane/Mutex.swift`), which
/// shadows the real one, and writes `Synchronization.Mutex` spelled in full
/// as plain `Mutex` so that it is shadowed too (line and column numbers do
/// not move where it is not). The second attempt is the code as written,
/// for code that clashes with the look-alike (a type of its own named
/// `Mutex`, say).
enum SanitizerSources {
    static let shimFile = "ThreadSanitizerLaneMutex.swift"

    static func attempts(_ files: [String: String], course: Course) -> [[String: String]] {
        let shim = try? String(contentsOf: course.root.appending(path: "Tests/ThreadSanitizerLane/Mutex.swift"), encoding: .utf8)
        guard let shim, files.values.contains(where: { $0.contains("Mutex") }) else { return [files] }
        var shadowed = files.mapValues(unqualified)
        shadowed[shimFile] = shim
        return [shadowed, files]
    }

    /// `Synchronization.Mutex` (spaces around the dot allowed) as `Mutex`.
    static func unqualified(_ text: String) -> String {
        text.replacing(/\bSynchronization\s*\.\s*(?=Mutex\b)/, with: "")
    }
}
