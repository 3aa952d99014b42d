// swift-tools-version: 6.2
// The workbook's primitive benchmarks: what a lock, a semaphore and each fix
// of the race exercise cost. A separate package so that the workbook's own
// build and `swift test` never fetch or compile the benchmarking library.
//
//     swift package --package-path Benchmarks benchmark        # the tables
//     bash Benchmarks/costs.sh                                  # + Benchmarks/results/
import Foundation
import PackageDescription

/// The workbook is this folder's parent; SwiftPM names a path dependency
/// after its folder, so the name is read from the path, not hard-coded.
let workbook = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

/// The race exercise's other fixes, one module per style, each declaring
/// `Account`: `Sources/RaceFixes/<style>` links to the accepted variant in
/// `Tests/Accepted/Race/`, so the benchmark measures the graded code itself.
/// (The reference solution is the NSLock fix.)
let raceFixes = ["Mutex", "Atomic", "SerialQueue", "Actor"]

let package = Package(
    name: "WorkbookBenchmarks",
    dependencies: [
        .package(path: ".."),
        // No traits: the malloc and ARC interposers (default traits) are not
        // needed for time and throughput, and the ARC one is not mirrored here.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: []),
    ],
    targets: [
        .target(name: "CostHarness"),
        .executableTarget(
            name: "Costs",
            dependencies: [
                "CostHarness",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "WorkbookSolutions", package: workbook),
            ] + raceFixes.map { .target(name: "RaceFix\($0)") },
            path: "Benchmarks/Costs",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(name: "CostsReport", dependencies: ["CostHarness"]),
    ] + raceFixes.map { .target(name: "RaceFix\($0)", path: "Sources/RaceFixes/\($0)") }
)
