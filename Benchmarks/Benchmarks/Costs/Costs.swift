import Benchmark

/// Every benchmark records one figure of its own, operations per second
/// (work done ÷ wall-clock time of one sample), beside the library's wall
/// clock. Names read "<group>/<implementation>": `CostsReport` groups and
/// compares them by that name.
let operationsPerSecondMetric = BenchmarkMetric.custom("operations per second", polarity: .prefersLarger, useScalingFactor: false)

/// Settings for a group: `samples` caps how many timed samples are taken,
/// and two seconds cap their total time, so the whole run stays short.
func settings(samples: Int) -> Benchmark.Configuration {
    .init(
        metrics: [.wallClock, .throughput, operationsPerSecondMetric], warmupIterations: 2, maxDuration: .seconds(2), maxIterations: samples
    )
}

let benchmarks: @Sendable () -> Void = {
    uncontendedLockBenchmarks()
    contendedLockBenchmarks()
    semaphoreBenchmarks()
    raceFixBenchmarks()
}
