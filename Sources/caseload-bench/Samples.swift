/// Repeated timings of one thing, in milliseconds.
struct Samples {
    private(set) var milliseconds: [Double] = []

    mutating func add(_ duration: Duration) {
        milliseconds.append(duration.milliseconds)
    }

    /// Times `body` once and keeps the timing.
    @discardableResult
    mutating func time<Result>(_ body: () throws -> Result) rethrows -> Result {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try body()
        add(clock.now - start)
        return result
    }

    var median: Double { percentile(50) }
    var p99: Double { percentile(99) }
    var total: Double { milliseconds.reduce(0, +) }

    /// The nearest-rank percentile.
    func percentile(_ percent: Double) -> Double {
        guard !milliseconds.isEmpty else { return .nan }
        let sorted = milliseconds.sorted()
        let rank = Int((percent / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}
