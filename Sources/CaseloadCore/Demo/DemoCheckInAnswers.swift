/// What one weekly check-in holds, worked out from the stay and the check-in's number alone, so
/// the participant's discharge summary can quote the same scores the check-ins record.
struct DemoCheckInAnswers {
    /// A missed week; the first check-in and a flagged one are never missed.
    let isSkipped: Bool
    let phq9: [Int]
    let gad7: [Int]
    let craving: Int?
    let substanceUse: SubstanceUse
    let drugScreen: DrugScreen?
    let comment: String

    /// How much each item attracts points: core mood and sleep items more than psychomotor ones.
    private static let phqWeights = [1.2, 1.3, 1.2, 1.2, 0.9, 1.0, 1.0, 0.5]
    private static let gadWeights = [1.3, 1.2, 1.3, 1.1, 0.8, 1.0, 0.8]

    var phqTotal: Int { phq9.reduce(0, +) }

    init(stay: DemoStay, number: Int, seed: UInt64) {
        var random = DemoRandom(seed: seed, .checkIn, stay.key, number)
        let itemNine: Int? = switch stay.safetyFlag {
        case .open(let flagged) where flagged == number: 1
        case .acknowledged(let flagged) where flagged == number: random.int(1...2)
        default: nil
        }
        isSkipped = number > 0 && itemNine == nil && random.chance(0.06)

        let expected = stay.trajectory.expected(atCheckIn: number)
        let noise = stay.trajectory.kind == .volatile ? 4 : 2
        var phq = Self.clamp(Int(expected.phq.rounded()) + random.int(-noise...noise), 0...24)
        if itemNine != nil { phq = max(phq, random.int(11...16)) }
        phq9 = Self.spread(phq, weights: Self.phqWeights, random: &random) + [itemNine ?? 0]
        let gad = Self.clamp(Int(expected.gad.rounded()) + random.int(-noise...noise), 0...21)
        gad7 = Self.spread(gad, weights: Self.gadWeights, random: &random)

        // Lapses are likelier early on and for those not improving.
        let progress = min(1, Double(number) / DemoTrajectory.weeksToSettle)
        let lapseChance: Double = switch stay.trajectory.kind {
        case .improving: 0.16 - 0.12 * progress
        case .steady: 0.12
        case .worsening: 0.2 + 0.15 * progress
        case .volatile: 0.22
        }
        if let substance = stay.substance, let cravingLevel = expected.craving {
            let used = random.chance(lapseChance)
            craving = Self.clamp(Int(cravingLevel.rounded()) + random.int(-1...1) + (used ? 2 : 0), 0...10)
            substanceUse = SubstanceUse(used: used, details: used ? random.pick(substance.lapses) : nil)
            drugScreen = random.chance(0.3)
                ? Self.screen(used: used, substance: substance, random: &random) : nil
        } else {
            craving = nil
            substanceUse = SubstanceUse(used: false)
            drugScreen = nil
        }
        comment = substanceUse.used && random.chance(0.6)
            ? random.pick(DemoCheckInText.afterUse)
            : random.chance(0.7) ? random.pick(DemoCheckInText.comments[stay.trajectory.kind]!) : ""
    }

    private static func screen(used: Bool, substance: DemoSubstance, random: inout DemoRandom)
        -> DrugScreen
    {
        if random.chance(0.03) { return DrugScreen(result: .dilute) }
        if random.chance(0.01) { return DrugScreen(result: .refused) }
        // Screens miss some use (timing, substance not on the panel).
        return used && random.chance(0.8)
            ? DrugScreen(result: .positive, substances: substance.screen)
            : DrugScreen(result: .negative)
    }

    /// `total` points dealt one at a time to items scored 0–3, each item as likely as its weight
    /// until it is full.
    private static func spread(_ total: Int, weights: [Double], random: inout DemoRandom) -> [Int] {
        var items = Array(repeating: 0, count: weights.count)
        var open = weights
        var openWeight = weights.reduce(0, +)
        for _ in 0..<min(total, 3 * weights.count) {
            var remaining = random.unit() * openWeight
            var chosen = open.lastIndex { $0 > 0 }!
            for (index, weight) in open.enumerated() where weight > 0 {
                remaining -= weight
                if remaining < 0 {
                    chosen = index
                    break
                }
            }
            items[chosen] += 1
            if items[chosen] == 3 {
                openWeight -= open[chosen]
                open[chosen] = 0
            }
        }
        return items
    }

    private static func clamp(_ value: Int, _ range: ClosedRange<Int>) -> Int {
        min(max(value, range.lowerBound), range.upperBound)
    }
}
