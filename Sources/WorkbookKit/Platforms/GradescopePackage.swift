import Foundation
import ZIPFoundation

/// The course as a Gradescope autograder: a zip with `setup.sh` and
/// `run_autograder` at its root, the student edition of the course (no
/// solution) in `course/`, and the reference as a submission in
/// `selftest/reference/`, which `setup.sh` grades once (it must score full
/// marks, and the stubs nothing) and then deletes, so no solution is left in
/// the image that grades students.
public struct GradescopePackage {
    /// The course that is packaged.
    public let course: Course

    /// A package of `course`.
    public init(course: Course) { self.course = course }

    /// What the zip holds.
    public struct Report: Sendable {
        /// The student edition's entries (files and folders), plus the
        /// reference's files and the two scripts.
        public var files: Int
        /// The size of the zip, in bytes (0 when it cannot be read).
        public var bytes: Int
    }

    /// Writes the autograder's zip to `zip`, replacing any file there.
    ///
    /// - Throws: when the student edition cannot be written (as when a
    ///   solution line leaks into it) or the zip cannot be made.
    public func write(to zip: URL) throws -> Report {
        let staging = FileManager.default.temporaryDirectory.appending(path: "workbook-gradescope-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: staging) }
        let release = try StudentRelease(course: course).write(to: staging.appending(path: "course"))
        for exercise in course.exercises {
            for file in exercise.files {
                let target = staging.appending(path: "selftest/reference/Exercises/\(exercise.folder)/\(file.name)")
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.solutionText(exercise: exercise).write(to: target, atomically: true, encoding: .utf8)
            }
        }
        for (name, text) in [("setup.sh", Self.setup), ("run_autograder", Self.runAutograder)] {
            let file = staging.appending(path: name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        try FileManager.default.createDirectory(at: zip.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: zip)
        try FileManager.default.zipItem(at: staging, to: zip, shouldKeepParent: false, compressionMethod: .deflate)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: zip.path)[.size] as? Int) ?? 0
        return Report(files: release.files + course.exercises.map(\.files.count).reduce(0, +) + 2, bytes: bytes)
    }

    /// Run once, as root, when Gradescope builds the image (Ubuntu 22.04).
    static let setup = #"""
        #!/usr/bin/env bash
        # Gradescope runs this once, as root, when it builds the autograder's image.
        # Every path is under AUTOGRADER_ROOT (default /autograder). WORKBOOK_TOOL
        # names an already built `workbook` to use instead of building one.
        set -euo pipefail
        ROOT="${AUTOGRADER_ROOT:-/autograder}"
        SOURCE="$ROOT/source"
        COURSE="$SOURCE/course"
        SWIFT_VERSION=6.3.1
        as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

        # Swift 6.3, unless it is here already.
        if ! swift --version 2>/dev/null | grep -q "Swift version 6\.3"; then
            as_root apt-get update -qq
            as_root apt-get install -y -qq curl ca-certificates binutils git gnupg2 libc6-dev libcurl4-openssl-dev \
                libedit2 libgcc-11-dev libpython3-dev libsqlite3-0 libstdc++-11-dev libxml2-dev libz3-dev \
                pkg-config tzdata unzip zlib1g-dev >/dev/null
            . /etc/os-release
            platform="ubuntu${VERSION_ID}"
            url="https://download.swift.org/swift-${SWIFT_VERSION}-release/${platform//./}/swift-${SWIFT_VERSION}-RELEASE/swift-${SWIFT_VERSION}-RELEASE-${platform}.tar.gz"
            curl -fsSL "$url" -o /tmp/swift.tar.gz
            as_root mkdir -p /opt/swift
            as_root tar -xzf /tmp/swift.tar.gz -C /opt/swift --strip-components=1
            rm -f /tmp/swift.tar.gz
            export PATH="/opt/swift/usr/bin:$PATH"
            as_root ln -sf /opt/swift/usr/bin/swift /usr/local/bin/swift
        fi

        # libcmark (the lessons), bubblewrap (the sandbox), gdb (where a hung test waits).
        missing=()
        pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev pkg-config)
        [ -x /usr/bin/bwrap ] || missing+=(bubblewrap)
        [ -x /usr/bin/gdb ] || missing+=(gdb)
        if [ ${#missing[@]} -gt 0 ]; then
            as_root apt-get update -qq
            as_root apt-get install -y -qq "${missing[@]}" >/dev/null
        fi

        # The grader, in release mode.
        if [ -n "${WORKBOOK_TOOL:-}" ]; then
            tool="$WORKBOOK_TOOL"
        else
            start=$(date +%s)
            (cd "$COURSE" && swift build -c release --product workbook)
            echo "built the grader in $(( $(date +%s) - start )) s"
            tool="$COURSE/.build/release/workbook"
        fi
        install -m 755 "$tool" "$SOURCE/workbook"

        # Grades the reference and the stubs (which also builds the grading
        # workspaces, so a submission rebuilds only the student's modules), and
        # fails the image unless they score full marks and nothing.
        "$SOURCE/workbook" autograde selftest --root "$COURSE" --reference "$SOURCE/selftest/reference"
        rm -rf "$SOURCE/selftest"
        """#

    /// Run for every submission; always leaves a `results.json`.
    static let runAutograder = #"""
        #!/usr/bin/env bash
        # Gradescope runs this for every submission. It always leaves
        # results/results.json, even when the grader itself cannot run.
        ROOT="${AUTOGRADER_ROOT:-/autograder}"
        mkdir -p "$ROOT/results"
        "$ROOT/source/workbook" autograde gradescope --root "$ROOT/source/course" ${WORKBOOK_BUDGET:+--budget "$WORKBOOK_BUDGET"}
        status=$?
        if [ ! -s "$ROOT/results/results.json" ]; then
            printf '%s\n' '{"score": 0, "output": "The autograder failed (the grader, not your submission): please tell your instructor.", "output_format": "text", "tests": []}' \
                > "$ROOT/results/results.json"
        fi
        exit $status
        """#
}
