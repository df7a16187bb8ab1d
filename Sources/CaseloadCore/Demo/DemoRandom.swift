/// The demo's only source of chance: SplitMix64 (Steele, Lea & Flood 2014), seeded from the
/// user's seed plus a key naming what is being drawn (a participant, a week, a check-in). Keyed
/// streams keep each part of the caseload independent of how much randomness the others used,
/// and the helpers below are written out here rather than taken from the standard library, whose
/// `random(in:using:)` algorithms may change between toolchains and break byte-identical output.
struct DemoRandom {
    private var state: UInt64

    init(seed: UInt64, _ stream: DemoStream, _ keys: Int...) {
        var state = Self.mix(seed ^ Self.mix(stream.rawValue))
        for key in keys { state = Self.mix(state ^ Self.mix(UInt64(bitPattern: Int64(key)))) }
        self.state = state
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `range`, by Lemire's multiply-high (the bias is below 2⁻³² here).
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next().multipliedFullWidth(by: width).high)
    }

    /// A number in [0, 1).
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...items.count - 1)] }

    /// One of `choices`, each as likely as its weight.
    mutating func weighted<T>(_ choices: [(T, Double)]) -> T {
        var remaining = unit() * choices.reduce(0) { $0 + $1.1 }
        for (choice, weight) in choices {
            remaining -= weight
            if remaining < 0 { return choice }
        }
        return choices[choices.count - 1].0
    }

    /// Fisher–Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, int(0...index))
        }
    }

    /// `count` distinct items in random order (all of them when there are fewer).
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var copy = items
        shuffle(&copy)
        return Array(copy.prefix(count))
    }
}

/// What a random stream is for; the raw values are part of the seed's meaning, so never reorder.
enum DemoStream: UInt64 {
    case admissions = 1
    case stay = 2
    case person = 3
    case week = 4
    case checkIn = 5
    case flags = 6
    case culture = 7
}
