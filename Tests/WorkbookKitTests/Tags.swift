import Testing

extension Tag {
    /// Grades real submissions, builds packages or runs the toolchain:
    /// minutes, not milliseconds. IDEs filter by it; from the command line
    /// the fast loop skips these suites by name (see CONTRIBUTING.md).
    @Tag static var integration: Self
}
