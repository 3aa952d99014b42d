import Foundation
public func runAll<T: Sendable>(_ jobs: [@Sendable () -> T]) -> [T] { jobs.map { $0() } }
