/// What the student edition copies from the course as it is, stated once:
/// the release writes it, and the leak scan lets students see the lines it
/// holds (they get them anyway).
enum ReleaseLayout {
    /// The tool and the suites' support code.
    static let codeFolders = ["Sources", "Tests/CourseSupport", "Tests/ThreadSanitizerLane"]

    /// Everything of the tool's, each copied when present: its code, the
    /// grading policy and the set-up script.
    static let toolFiles = codeFolders + ["Tests/grading.json", ".ci/setup"]

    /// Every exercise's graded suite.
    static func suites(of course: Course) -> [String] { course.exercises.map(\.testDirectory) }

    /// The folders of Swift code shipped as they are.
    static func shippedCode(of course: Course) -> [String] { codeFolders + suites(of: course) }
}
