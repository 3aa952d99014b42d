#if SOLUTIONS
import ScopedSolution
#else
import ScopedExercise
#endif
import CourseSupport
import Foundation
import Synchronization
import Testing

/// How one body leaves `withLock` in ``ScopedTests/ExitsAndTasks/releasedHoweverBodyEnds()``.
private enum Exit: CaseIterable {
    case end, earlyReturn, thrown
}

extension ScopedTests {
    // Nested in `ScopedTests`, so serialized with its tests (see there).
    @Suite("Guarded: every way out of withLock, and callers on the cooperative pool")
    struct ExitsAndTasks {
        @Test("however a body ends (at its end, by an early return, by a throw) the next thread gets in; errors come out unchanged and changes made before them are kept",
              .teaches("05-scoped-locking#defer-release-on-every-way-out"))
        func releasedHoweverBodyEnds() {
            let threads = 4, rounds = 300
            let guarded = Guarded(0)
            let occupancy = Occupancy()
            let problems = Shared<[String]>([])
            let group = startThreads(threads) { index in
                var mine: [String] = []   // the first few, kept by this thread alone
                for round in 0..<rounds {
                    let exit = Exit.allCases[round % Exit.allCases.count]
                    let code = index * 10_000 + round
                    do {
                        let result = try guarded.withLock { value -> Int in
                            let now = addOne(to: &value, watchedBy: occupancy)
                            switch exit {
                            case .end: break
                            case .earlyReturn:
                                for step in 1... where step > 2 { return -step }
                            case .thrown: throw Refused(code: code)
                            }
                            return now
                        }
                        if exit == .earlyReturn && result != -3 && mine.count < 3 {
                            mine.append("a body that returned -3 early made withLock return \(result)")
                        }
                        if exit == .thrown && mine.count < 3 {
                            mine.append("a body threw, but withLock returned \(result) instead of throwing")
                        }
                    } catch {
                        if (error as? Refused) != Refused(code: code) && mine.count < 3 {
                            mine.append("the body threw Refused(code: \(code)), but withLock threw \(error)")
                        }
                    }
                }
                problems.update { $0 += mine }
            }
            guard group.join(within: promptly) else {
                Issue.record("threads whose bodies end normally, return early or throw had not finished after \(Int(promptly)) s: is the lock left held when a body throws?")
                return
            }
            #expect(problems.current.isEmpty, "\(problems.current.joined(separator: "; "))")
            #expect(occupancy.maximum == 1,
                    "\(occupancy.maximum) threads were inside withLock at the same time")
            let total = guarded.withLock { $0 }
            #expect(total == threads * rounds,
                    "every body added 1 before it ended, returned early or threw, so the value should be \(threads * rounds), but it is \(total): changes made before a throw were dropped, or updates were lost")
        }

        @Test("many tasks in a task group can use withLock on the cooperative pool, one at a time, losing no update",
              .teaches("05-scoped-locking#scoped-locking-in-async-code"))
        func tasksOnTheCooperativePool() async throws {
            try await atTestPriority(Self.tasksOnTheCooperativePoolBody)
        }

        @Sendable private static func tasksOnTheCooperativePoolBody() async throws {
            // A body holds the lock only while it runs and never suspends, so a
            // task blocked in withLock always waits for a task that is running
            // on another of the pool's threads: many more tasks than the pool
            // has threads cannot starve it.
            let tasks = 64, rounds = 100
            let guarded = Guarded(0)
            let occupancy = Occupancy()
            let finished = CountdownLatch(1)
            Task(priority: testTaskPriority) {
                await withTaskGroup(of: Void.self) { group in
                    for _ in 0..<tasks {
                        group.addTask {
                            for _ in 0..<rounds {
                                guarded.withLock { addOne(to: &$0, watchedBy: occupancy) }
                            }
                        }
                    }
                }
                finished.countDown()
            }
            // Poll instead of awaiting the group: every wait in a test is bounded.
            let deadline = ContinuousClock.now + .seconds(promptly)
            while !finished.isOpen && ContinuousClock.now < deadline {
                try? await Task.sleep(for: .milliseconds(5))
            }
            guard finished.isOpen else {
                Issue.record("\(tasks) tasks calling withLock \(rounds) times each had not finished after \(Int(promptly)) s")
                return
            }
            #expect(occupancy.maximum == 1,
                    "\(occupancy.maximum) tasks were inside withLock at the same time")
            let total = guarded.withLock { $0 }
            #expect(total == tasks * rounds,
                    "\(tasks) tasks each added 1 \(rounds) times, but the value is \(total): updates were lost")
        }
    }
}
