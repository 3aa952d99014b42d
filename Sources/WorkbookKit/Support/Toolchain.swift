import Foundation

/// The Swift toolchain found on `PATH`: its programs and its folder.
enum Toolchain {
    static var swift: String { executable(named: "swift") }
    static var swiftc: String { executable(named: "swiftc") }
    static var nm: String { tool("llvm-nm") }
    static var symbolizer: String { tool("llvm-symbolizer") }

    /// A program of the toolchain itself, beside `swift` (not found on `PATH`).
    static func tool(_ name: String) -> String {
        URL(filePath: swift).resolvingSymlinksInPath().deletingLastPathComponent().appending(path: name).path
    }

    /// The folder holding `usr/bin/swift` (`/opt/swift`, or `/` for a
    /// toolchain installed under `/usr`), which sandboxed runs see read-only.
    static var root: String {
        let bin = URL(filePath: swift).resolvingSymlinksInPath().deletingLastPathComponent()
        let root = bin.deletingLastPathComponent().deletingLastPathComponent().path
        return root.isEmpty ? "/" : root
    }

    static func executable(named name: String) -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/\(name)"
    }
}
