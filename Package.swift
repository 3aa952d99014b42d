// swift-tools-version: 6.2
import PackageDescription

/// The graded exercises, in lesson order. Each has a student module under
/// `Exercises/<Name>/`, a reference module under `Solutions/<Name>/` and one
/// graded suite under `Tests/<Name>Tests/` that grades either of them.
/// `swift run workbook build` writes this list from the book; `workbook check`
/// proves it current.
let exercises = ["Threads", "Lock", "Daemon", "Semaphore", "Queue", "Scoped", "Race", "Pool"]

let courseTargets: [Target] = exercises.flatMap { name -> [Target] in
    [
        .target(name: "\(name)Exercise", path: "Exercises/\(name)"),
        .target(name: "\(name)Solution", path: "Solutions/\(name)"),
        .testTarget(
            name: "\(name)Tests",
            dependencies: [
                .target(name: "CourseSupport"),
                .target(name: "\(name)Exercise"),
                .target(name: "\(name)Solution", condition: .when(traits: ["SOLUTIONS"])),
            ]
        ),
    ]
}

// BEGIN TOOL: `workbook release` copies this part, as it is, into the
// student edition's manifest: the tool, its dependencies and the suites' support.
let toolProducts: [Product] = [
    .executable(name: "workbook", targets: ["workbook"]),
    // Preloaded into graded test processes by the shaken-schedule lane
    // (README, Grading); nothing links it. The grader builds it with the
    // suites it runs (`.build/workbook/engine`).
    .library(name: "ScheduleShaker", type: .dynamic, targets: ["ScheduleShaker"]),
]

let toolDependencies: [Package.Dependency] = [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/swiftlang/swift-syntax", from: "602.0.0"),
    .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
]

let toolTargets: [Target] = [
    .systemLibrary(
        name: "CCmark",
        path: "Sources/CCmark",
        pkgConfig: "libcmark",
        providers: [.apt(["libcmark-dev"])]
    ),
    .target(
        name: "WorkbookKit",
        dependencies: [
            "CCmark",
            .product(name: "SwiftParser", package: "swift-syntax"),
            .product(name: "SwiftIDEUtils", package: "swift-syntax"),
            .product(name: "XMLCoder", package: "XMLCoder"),
            .product(name: "CSV", package: "CSV.swift"),
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]
    ),
    .executableTarget(
        name: "workbook",
        dependencies: [
            "WorkbookKit",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]
    ),
    .target(name: "CourseSupport", path: "Tests/CourseSupport"),
    .target(name: "ScheduleShaker", linkerSettings: [.linkedLibrary("dl")]),
]
// END TOOL

let package = Package(
    name: "SwiftThreadingWorkbook",
    products: toolProducts + [
        // For Benchmarks/ (a separate package): the reference solutions it
        // measures. Nothing in this package uses the product.
        .library(name: "WorkbookSolutions", targets: ["LockSolution", "SemaphoreSolution", "RaceSolution"])
    ],
    traits: [
        .trait(
            name: "SOLUTIONS",
            description: "Graded suites test Solutions/ (the reference). Without it they test Exercises/."
        ),
        .default(enabledTraits: ["SOLUTIONS"]),
    ],
    dependencies: toolDependencies,
    targets: toolTargets + [
        .testTarget(
            name: "WorkbookKitTests",
            dependencies: ["WorkbookKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        )
    ] + courseTargets
)
