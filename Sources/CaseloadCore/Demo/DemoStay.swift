/// The shape of one participant's episode of care, decided before any of their records is
/// written: the participant file, written on admission, already holds every later step-down and
/// the discharge, and every session and check-in is generated to fit it.
struct DemoStay {
    struct Step {
        enum Reason { case admission, stepDown, stepUp, stabilized }

        let level: LevelOfCare
        let effective: LocalDate
        let reason: Reason
    }

    enum SafetyFlag {
        /// Raised by this check-in and still waiting for staff.
        case open(checkIn: Int)
        /// Raised by this check-in and acknowledged the same day.
        case acknowledged(checkIn: Int)
    }

    /// Keys this stay's random streams; fixed before admissions are sorted.
    let key: Int
    /// Position in admission order, which numbers the participant.
    var index: Int
    let admission: LocalDate
    let track: Track
    let substance: DemoSubstance?
    let disorder: DemoDisorder?
    /// Level-of-care history up to yesterday, the admission level first.
    let steps: [Step]
    /// Set when the discharge happened before today.
    let exit: (date: LocalDate, type: DischargeType)?
    /// Set for the few active participants whose attendance is paused (hospital stay, travel).
    let holdFrom: LocalDate?
    var trajectory: DemoTrajectory
    /// The share of scheduled sessions the participant comes to.
    let reliability: Double
    /// The weekday (1 = Monday) and slot they prefer for individual sessions.
    let sessionWeekday: Int
    let sessionSlot: Int
    var safetyFlag: SafetyFlag?
    /// The first day they no longer attend: discharge, hold, or today.
    let end: LocalDate

    var id: ParticipantID { ParticipantID("P-" + DemoIDs.digits(index + 1, 4)) }

    func isAttending(on date: LocalDate) -> Bool { date >= admission && date < end }

    func level(on date: LocalDate) -> LevelOfCare {
        steps.last { $0.effective <= date }?.level ?? steps[0].level
    }

    /// Check-ins fall weekly on the admission weekday, the first on admission day.
    func checkInDate(_ number: Int) -> LocalDate { admission.adding(days: 7 * number) }

    /// How many weekly check-ins fall before `end`.
    var checkInCount: Int { (admission.days(until: end) + 6) / 7 }

    /// Whole weeks from admission to `date` or the end of attendance, whichever comes first.
    func weeksInCare(until date: LocalDate) -> Int { max(1, admission.days(until: min(date, end)) / 7) }
}

/// How symptoms and craving move over the stay: check-ins follow it with some noise.
struct DemoTrajectory {
    enum Kind { case improving, steady, worsening, volatile }

    var kind: Kind
    var phqStart: Int
    var phqChange: Int
    var gadStart: Int
    var gadChange: Int
    /// Nil for the mental-health track, where craving is not asked.
    var cravingStart: Int?
    var cravingChange: Int

    /// Most change shows within the first ten weeks, then levels off.
    static let weeksToSettle = 10.0

    init(kind: Kind, track: Track, random: inout DemoRandom) {
        self.kind = kind
        let (phq, gad): (ClosedRange<Int>, ClosedRange<Int>) = switch track {
        case .mentalHealth: (11...21, 9...17)
        case .coOccurring: (9...19, 7...16)
        case .substanceUse: (4...13, 3...11)
        }
        phqStart = random.int(phq)
        gadStart = random.int(gad)
        cravingStart = track == .mentalHealth ? nil : random.int(4...9)
        phqChange = 0
        gadChange = 0
        cravingChange = 0
        change(to: kind, random: &random)
    }

    mutating func change(to kind: Kind, random: inout DemoRandom) {
        self.kind = kind
        switch kind {
        case .improving:
            phqChange = -min(phqStart - 2, random.int(6...12))
            gadChange = -min(gadStart - 2, random.int(5...9))
            cravingChange = -random.int(3...6)
        case .steady, .volatile:
            phqChange = random.int(-2...2)
            gadChange = random.int(-2...2)
            cravingChange = random.int(-1...1)
        case .worsening:
            phqChange = random.int(6...10)
            gadChange = random.int(4...8)
            cravingChange = random.int(1...3)
        }
    }

    /// The expected scores at check-in `number`, before the noise each check-in adds.
    func expected(atCheckIn number: Int) -> (phq: Double, gad: Double, craving: Double?) {
        let progress = min(1, Double(number) / Self.weeksToSettle)
        return (
            Double(phqStart) + Double(phqChange) * progress,
            Double(gadStart) + Double(gadChange) * progress,
            cravingStart.map { Double($0) + Double(cravingChange) * progress }
        )
    }
}
