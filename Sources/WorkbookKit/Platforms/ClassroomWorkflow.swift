import Foundation

/// A GitHub Classroom autograding workflow for the students' repositories
/// (copies of the student edition): it grades the student's `Exercises/`
/// against the untouched course, checked out from the course's own
/// repository at a tag (so an edited suite, manifest or tool in the
/// student's repository changes nothing), inside the sandbox, and hands one
/// runner per exercise to GitHub Classroom's reporter.
public struct ClassroomWorkflow: Sendable {
    /// The course whose exercises get a runner each.
    public let course: Course
    /// `owner/name` of the repository holding the student edition.
    public let courseRepository: String
    /// The tag (or commit) of that repository to grade against.
    public let courseRef: String
    /// A container image with Swift 6.3 (the hosted runner's Swift is older).
    public var image = "swift:6.3"

    /// A workflow for `course` that grades against `courseRef` of `courseRepository`.
    public init(course: Course, courseRepository: String, courseRef: String) {
        self.course = course
        self.courseRepository = courseRepository
        self.courseRef = courseRef
    }

    /// The runner ids, one per exercise, in lesson order.
    public var runners: [String] { course.exercises.map(\.name) }

    /// What students must not change, for the instructor to protect.
    public static let protectedPaths = [".github/", "Tests/", "Package.swift", "Sources/", ".ci/"]

    /// `.github/workflows/classroom.yml`.
    public var yaml: String {
        let environment = runners.map { "          \($0.uppercased())_RESULTS: \"${{ steps.grade.outputs.\($0) }}\"" }.joined(
            separator: "\n")
        return """
            # Grades this repository's Exercises/ with the Swift Threading Workbook's
            # grader, against the untouched course (\(courseRepository) at \(courseRef)),
            # and reports one line per exercise to GitHub Classroom.
            # Written by `workbook package classroom`; edit the course, not this file.
            name: Autograding Tests
            "on":
              - push
              - workflow_dispatch
              - repository_dispatch
            permissions:
              checks: write
              actions: read
              contents: read
            jobs:
              run-autograding-tests:
                runs-on: ubuntu-latest
                if: github.actor != 'github-classroom[bot]'
                timeout-minutes: 30
                container:
                  image: \(image)
                  # The grader's sandbox (bubblewrap, user namespaces, control groups) needs it.
                  options: --privileged
                steps:
                  - name: Check out the submission
                    uses: actions/checkout@v4
                    with:
                      path: submission
                  - name: Check out the course at \(courseRef)
                    uses: actions/checkout@v4
                    with:
                      repository: \(courseRepository)
                      ref: \(courseRef)
                      path: course
                  - name: Reuse the grader built for this course
                    uses: actions/cache@v4
                    with:
                      path: course/.build
                      key: workbook-\(courseRef)-${{ runner.os }}
                  - name: Install and build the grader
                    run: |
                      cd course
                      bash .ci/setup
                      swift build -c release --product workbook
                  - name: Grade
                    id: grade
                    run: course/.build/release/workbook grade --root course submission --format github-classroom --format html --output graded
                  - name: Keep the feedback
                    if: always()
                    uses: actions/upload-artifact@v4
                    with:
                      name: feedback
                      path: graded/
                  - name: Report
                    uses: classroom-resources/autograding-grading-reporter@v1
                    env:
            \(environment)
                    with:
                      runners: \(runners.joined(separator: ","))

            """
    }

    /// Writes the workflow under `folder` (the root of the student edition's
    /// repository) and returns its path.
    @discardableResult
    public func write(into folder: URL) throws -> URL {
        let file = folder.appending(path: ".github/workflows/classroom.yml")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
