import Foundation

/// Names of the signals a test process dies of.
enum SignalName {
    static func of(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: return "SIGILL, a Swift runtime trap"
        case SIGTRAP: return "SIGTRAP, a Swift runtime trap"
        case SIGABRT: return "SIGABRT"
        case SIGKILL: return "SIGKILL"
        case SIGSEGV: return "SIGSEGV, a bad memory access"
        case SIGBUS: return "SIGBUS, a bad memory access"
        case SIGXFSZ: return "SIGXFSZ, a file grew past its limit"
        case SIGXCPU: return "SIGXCPU, the CPU time limit"
        case SIGTERM: return "SIGTERM"
        default: return "signal \(signal)"
        }
    }
}
