import Foundation

/// Turns the benchmark library's JMH export into `Benchmarks/results/costs.md`
/// (the page's table, with the machine it ran on) and `costs.json`.
///
///     CostsReport <costs.jmh.json> <results folder> <swift --version line>
///     CostsReport --render <results folder>
///
/// The second form measures nothing: it writes the page again from the
/// figures and machine already in `<results folder>/costs.json`, for a
/// change to the page's layout that must not change its figures or date.
@main
struct CostsReport {
    static func main() throws {
        let arguments = CommandLine.arguments
        if arguments.count == 3, arguments[1] == "--render" {
            let folder = URL(fileURLWithPath: arguments[2])
            let previous = try JSONDecoder().decode(
                MeasuredRun.self, from: Data(contentsOf: folder.appendingPathComponent("costs.json")))
            try write(CostsPage(figures: Catalogue.sorted(previous.figures), machine: previous.machine), to: folder)
            return
        }
        guard arguments.count == 4 else {
            FileHandle.standardError.write(
                Data(
                    """
                    usage: CostsReport <jmh.json> <results folder> <swift version>
                           CostsReport --render <results folder>

                    """.utf8))
            exit(2)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
        let figures = Catalogue.sorted(try Figure.load(jmh: data))
        let machine = Machine.current(swiftVersion: arguments[3])
        try write(CostsPage(figures: figures, machine: machine), to: URL(fileURLWithPath: arguments[2]))
    }

    static func write(_ page: CostsPage, to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try page.markdown.write(to: folder.appendingPathComponent("costs.md"), atomically: true, encoding: .utf8)
        try page.json().write(to: folder.appendingPathComponent("costs.json"))
        print(page.markdown)
    }
}

/// What `--render` reads back from an earlier `costs.json`: the figures and
/// the machine they were measured on (whatever else that file held is
/// written afresh).
struct MeasuredRun: Decodable {
    var machine: Machine
    var figures: [Figure]
}

/// One benchmark's result: operations per second, median and spread.
struct Figure: Codable {
    var group: String
    var implementation: String
    var medianOperationsPerSecond: Double
    /// The slowest and fastest samples (0th and 100th percentile of ops/s).
    var slowestOperationsPerSecond: Double
    var fastestOperationsPerSecond: Double
    var samples: Int

    var nanosecondsPerOperation: Double { 1e9 / medianOperationsPerSecond }

    /// Reads the library's JMH export: the custom metric "operations per second".
    static func load(jmh data: Data) throws -> [Figure] {
        struct Metric: Decodable { var scorePercentiles: [String: Double]; var rawData: [[Double]] }
        struct Element: Decodable { var benchmark: String; var secondaryMetrics: [String: Metric]? }
        return try JSONDecoder().decode([Element].self, from: data).compactMap { element in
            guard let metric = element.secondaryMetrics?["operations per second"] else { return nil }
            // "package.benchmark.Costs.contended_2_threads/pthread_mutex_t": the
            // export made the name shell-safe (spaces became "_"), so the
            // catalogue's spelling is looked up by the same transformation.
            guard let range = element.benchmark.range(of: "Costs.") else { return nil }
            let parts = element.benchmark[range.upperBound...].split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, let median = metric.scorePercentiles["50.0"] else { return nil }
            let (group, implementation) = Catalogue.name(group: parts[0], implementation: parts[1])
            return Figure(
                group: group, implementation: implementation, medianOperationsPerSecond: median,
                slowestOperationsPerSecond: metric.scorePercentiles["0.0"] ?? median,
                fastestOperationsPerSecond: metric.scorePercentiles["100.0"] ?? median,
                samples: metric.rawData.first?.count ?? 0)
        }
    }
}

/// Where the figures were measured.
struct Machine: Codable {
    var processors: Int
    var cpu: String
    var swift: String
    var date: String

    static func current(swiftVersion: String) -> Machine {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
        let date = ISO8601DateFormatter().string(from: Date())
        return Machine(processors: ProcessInfo.processInfo.activeProcessorCount, cpu: model, swift: swiftVersion, date: date)
    }
}

/// The benchmarks' names as `Benchmarks/Costs` spells them, in the order the
/// page shows them.
enum Catalogue {
    static let groups: [(name: String, implementations: [String])] = [
        ("uncontended lock+unlock", ["reference Lock", "Lock with Thread.current owner", "Mutex", "NSLock", "pthread_mutex_t"]),
        ("uncontended withLock", ["reference Lock", "Mutex", "NSLock", "pthread_mutex_t"]),
        ("contended 2 threads", ["reference Lock", "Mutex", "NSLock", "pthread_mutex_t"]),
        ("contended 4 threads", ["reference Lock", "Mutex", "NSLock", "pthread_mutex_t"]),
        ("semaphore hand-off", ["reference CountingSemaphore", "DispatchSemaphore"]),
        ("semaphore 2 permits 4 threads", ["reference CountingSemaphore", "reference BoundedSemaphore", "DispatchSemaphore"]),
        ("race fix", ["reference (NSLock)", "Mutex", "Atomic", "serial DispatchQueue", "actor"]),
    ]

    static func shellSafe(_ name: String) -> String { name.replacingOccurrences(of: " ", with: "_") }

    /// The catalogue's spelling of an exported name, or the name with "_" read as spaces.
    static func name(group: String, implementation: String) -> (String, String) {
        guard let entry = groups.first(where: { shellSafe($0.name) == group }) else {
            return (group.replacingOccurrences(of: "_", with: " "), implementation.replacingOccurrences(of: "_", with: " "))
        }
        let known = entry.implementations.first { shellSafe($0) == implementation }
        return (entry.name, known ?? implementation.replacingOccurrences(of: "_", with: " "))
    }

    /// Sorts figures into the catalogue's order; unknown ones go last.
    static func sorted(_ figures: [Figure]) -> [Figure] {
        func rank(_ figure: Figure) -> (Int, Int) {
            guard let group = groups.firstIndex(where: { $0.name == figure.group }) else { return (Int.max, 0) }
            return (group, groups[group].implementations.firstIndex(of: figure.implementation) ?? Int.max)
        }
        return figures.sorted { rank($0) < rank($1) }
    }
}
