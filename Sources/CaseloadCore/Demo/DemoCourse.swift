/// The course of one episode in days, before it is placed on the calendar: the levels of care
/// with how long each lasts, and how it ends.
struct DemoCourse {
    /// Days spent at each level by someone who completes it.
    private static let daysAt: [LevelOfCare: ClosedRange<Int>] = [
        .php: 14...28, .iop: 28...56, .op: 28...63, .aftercare: 28...84,
    ]

    let outcome: DischargeType
    private let levels: [(level: LevelOfCare, days: Int)]
    /// For those who leave early: how far through the course they get.
    private let leavesAt: Double

    var leavesEarly: Bool { [.againstAdvice, .administrative, .transferred].contains(outcome) }

    init(random: inout DemoRandom) {
        outcome = random.weighted([
            (DischargeType.completed, 0.5), (.stepDown, 0.1), (.againstAdvice, 0.17),
            (.administrative, 0.13), (.transferred, 0.1),
        ])
        let start = random.weighted([(LevelOfCare.php, 0.35), (.iop, 0.45), (.op, 0.2)])
        let last: LevelOfCare = switch outcome {
        case .stepDown: start == .php ? .iop : start
        default: random.chance(0.6) ? .aftercare : .op
        }
        var levels = LevelOfCare.allCases.filter { $0 >= start && $0 <= max(start, last) }
            .map { ($0, random.int(Self.daysAt[$0]!)) }
        // A few IOP participants need a week or two back in PHP before they stabilize.
        if let iop = levels.firstIndex(where: { $0.0 == .iop }), levels[iop].1 > 35, random.chance(0.05) {
            let before = random.int(14...21)
            levels[iop...iop] = [(.iop, before), (.php, random.int(7...14)), (.iop, levels[iop].1 - before)]
        }
        self.levels = levels
        leavesAt = 0.15 + 0.55 * random.unit()
    }

    /// The level-of-care history and discharge date for an admission on `admission`. Changes of
    /// level start on a Monday, so each week's hours are judged against one level.
    func placed(at admission: LocalDate) -> (steps: [DemoStay.Step], exit: LocalDate) {
        var steps: [DemoStay.Step] = []
        var day = 0
        for (position, (level, days)) in levels.enumerated() {
            let reason: DemoStay.Step.Reason =
                position == 0 ? .admission
                : level < levels[position - 1].level ? .stepUp
                : levels[..<position].contains { $0.level == level } ? .stabilized : .stepDown
            var effective = position == 0 ? admission : Self.monday(onOrAfter: admission.adding(days: day))
            if let previous = steps.last, effective <= previous.effective {
                effective = previous.effective.adding(days: 7)
            }
            steps.append(DemoStay.Step(level: level, effective: effective, reason: reason))
            day = admission.days(until: effective) + days
        }
        let end = admission.adding(days: leavesEarly ? max(3, Int(Double(day) * leavesAt)) : day)
        let exit = end.weekday > 5 ? Self.monday(onOrAfter: end) : end
        return (steps.filter { $0.effective < exit }, exit)
    }

    private static func monday(onOrAfter date: LocalDate) -> LocalDate {
        date.weekday == 1 ? date : date.adding(days: 8 - date.weekday)
    }
}
