import Benchmark
import CostHarness
import RaceFixActor
import RaceFixAtomic
import RaceFixMutex
import RaceFixSerialQueue
import RaceSolution

/// The race exercise's workload: two tasks, one depositing and one
/// withdrawing 1 this many times each, on one account.
let raceOperationsPerTask = 5_000

/// What every fix offers; the actor's methods are isolated, the others async.
protocol BankAccount: Sendable {
    func deposit(_ amount: Int) async
    func withdraw(_ amount: Int) async
    var balance: Int { get async }
}

extension RaceSolution.Account: BankAccount {}
extension RaceFixMutex.Account: BankAccount {}
extension RaceFixAtomic.Account: BankAccount {}
extension RaceFixSerialQueue.Account: BankAccount {}
extension RaceFixActor.Account: BankAccount {}

func raceFixBenchmarks() {
    let fixes: [(String, @Sendable () -> any BankAccount)] = [
        ("reference (NSLock)", { RaceSolution.Account() }),
        ("Mutex", { RaceFixMutex.Account() }),
        ("Atomic", { RaceFixAtomic.Account() }),
        ("serial DispatchQueue", { RaceFixSerialQueue.Account() }),
        ("actor", { RaceFixActor.Account() }),
    ]
    for (name, make) in fixes {
        Benchmark("race fix/\(name)", configuration: settings(samples: 20)) { benchmark in
            let account = make()
            let clock = ContinuousClock()
            let start = clock.now
            await withTaskGroup(of: Void.self) { group in
                group.addTask { for _ in 0..<raceOperationsPerTask { await account.deposit(1) } }
                group.addTask { for _ in 0..<raceOperationsPerTask { await account.withdraw(1) } }
            }
            let elapsed = clock.now - start
            let balance = await account.balance
            if balance != 0 { benchmark.error("\(name): balance \(balance), expected 0") }
            benchmark.measurement(operationsPerSecondMetric, operationsPerSecond(2 * raceOperationsPerTask, in: elapsed))
        }
    }
}
