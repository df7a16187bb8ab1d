import Foundation

/// How hard the fault tests push: a short run for every CI build, hundreds of iterations with
/// `CASELOAD_LONG_FAULT_TESTS=1`.
enum FaultScale {
    static let isLong = ProcessInfo.processInfo.environment["CASELOAD_LONG_FAULT_TESTS"] == "1"

    static func iterations(short: Int, long: Int) -> Int { isLong ? long : short }

    /// The seed every randomised fault test starts from: `CASELOAD_FAULT_SEED` to replay a failure,
    /// otherwise a fixed one so CI runs are repeatable. Every failure message prints it.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["CASELOAD_FAULT_SEED"].flatMap { UInt64($0) } ?? 20_261_123
}

/// SplitMix64: small, fast and the same on every platform, so a seed replays a failing run.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
