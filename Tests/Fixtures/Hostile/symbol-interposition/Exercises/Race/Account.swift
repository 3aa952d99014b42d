// Hostile fixture (symbols): a strong definition of ThreadSanitizer's weak
// report hook, so that races would go unreported; the account races.
import Foundation

@_cdecl("_ZN6__tsan8OnReportEPKNS_10ReportDescEb")
public func silence(_ report: UnsafeRawPointer?, _ suppressed: Bool) -> Bool { true }

public final class Account: @unchecked Sendable {
    private var storedBalance: Int
    public init(balance: Int = 0) { storedBalance = balance }
    public func deposit(_ amount: Int) async { storedBalance += amount }
    public func withdraw(_ amount: Int) async { storedBalance -= amount }
    public var balance: Int { get async { storedBalance } }
}
