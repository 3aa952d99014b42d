import Foundation

/// Checks, after the build, that a student's object files define only
/// symbols of their own module and call nothing that reaches around it.
///
/// A strong definition of another module's symbol would replace it in the
/// linked test binary (a testing-library entry point, a sanitizer hook);
/// the compiler's own weak copies of inlinable code from other modules are
/// identical to the originals and are allowed. References to the dynamic
/// loader or to sanitizer internals could find and call such entry points
/// by name at run time.
enum SymbolCheck {
    static let forbiddenReferencePrefixes = [
        "dlopen", "dlsym", "dlvsym", "dlmopen", "__tsan_", "__sanitizer_",
        "__asan_", "__ubsan_", "__lsan_", "ptrace", "process_vm_",
    ]

    /// The problems found in the object files of `module`'s current
    /// `sources` under `buildFolder` (`.build/debug`), in words; empty when
    /// it keeps to itself. Objects of files no longer in the module (the
    /// build leaves them behind) are not looked at.
    static func problems(module: String, sources: [String], buildFolder: URL) -> [String] {
        let folder = buildFolder.appending(path: "\(module).build")
        let objects = sources.sorted().map { folder.appending(path: "\($0).o").path }
            .filter { FileManager.default.fileExists(atPath: $0) }
        guard !objects.isEmpty else { return ["no object files were found for \(module)"] }
        let listing = ProcessRunner.run(
            Toolchain.nm, ["--extern-only", "--no-sort", "--format=posix"] + objects,
            timeout: 60, outputCap: 32 << 20)
        guard listing.ending == .exited(0) else { return ["the symbols of \(module) could not be listed"] }
        return problems(module: module, posixListing: listing.output)
    }

    /// What the linker defines in every shared library.
    static let linkerDefined: Set<String> = ["__bss_start", "_edata", "_end", "_init", "_fini"]

    /// The problems in an `llvm-nm --format=posix` listing of `module`'s
    /// objects (or its shared library, `allowing` what the linker adds).
    static func problems(module: String, posixListing: String, allowing: Set<String> = []) -> [String] {
        let own = "\(module.utf8.count)\(module)"
        var found: [String] = []
        for line in posixListing.split(separator: "\n") {
            // "name type value size"; the name may hold spaces ("symbolic …").
            let fields = line.split(separator: " ")
            guard fields.count >= 2, !line.hasSuffix(":") else { continue }
            // Defined symbols carry a value and a size after the type; some
            // undefined ones do not.
            let typeIndex = fields.count >= 4 && fields.suffix(2).allSatisfy(\.isHexNumber) ? fields.count - 3 : fields.count - 1
            guard fields[typeIndex].count == 1 else { continue }
            let name = fields[..<typeIndex].joined(separator: " ")
            let type = fields[typeIndex]
            if type == "U" {
                if let prefix = forbiddenReferencePrefixes.first(where: { name.hasPrefix($0) }) {
                    found.append("calls \(prefix)…, which reaches around the module (\(name))")
                }
                continue
            }
            let weak = ["W", "V", "w", "v"].contains(type)
            if !weak && !name.contains(own) && !allowing.contains(name) {
                found.append("defines the symbol \(name), which belongs to another module or to C")
            }
        }
        return Array(Set(found)).sorted()
    }
}

private extension Substring {
    var isHexNumber: Bool { !isEmpty && allSatisfy(\.isHexDigit) }
}
