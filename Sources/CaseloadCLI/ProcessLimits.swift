import Foundation

/// Limits the process sets on itself before anything else runs.
enum ProcessLimits {
    /// A core dump would copy every record in memory (names, notes, scores) to a file anyone
    /// debugging the machine may read; health information never leaves the data folder that way.
    /// Lowering a limit needs no privilege, so this cannot fail.
    static func forbidCoreDumps() {
        var none = rlimit(rlim_cur: 0, rlim_max: 0)
        #if os(Linux)
        setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &none)
        #else
        setrlimit(RLIMIT_CORE, &none)
        #endif
    }
}
