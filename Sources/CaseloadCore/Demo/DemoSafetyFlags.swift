/// Chooses the check-ins that answer PHQ-9 item 9 with 1 or more. A real program closes such a
/// flag the same day, so history holds only acknowledged ones; exactly one recent flag is left
/// open so the demo opens on something that needs attention.
enum DemoSafetyFlags {
    static func assign(
        to stays: inout [DemoStay], firstDay: LocalDate, today: LocalDate, seed: UInt64
    ) {
        var random = DemoRandom(seed: seed, .flags)
        let open = openFlagOwner(in: stays, today: today)
        if let open {
            stays[open].safetyFlag = .open(checkIn: stays[open].checkInCount - 1)
            stays[open].trajectory.change(to: .worsening, random: &random)
        }
        // Acknowledged flags need a later check-in inside the window and at least three days
        // old, so the acknowledgement is history too; mental-health and co-occurring come first.
        let settled = today.adding(days: -3)
        func flaggable(_ index: Int) -> [Int] {
            (1..<max(1, stays[index].checkInCount)).filter { number in
                let date = stays[index].checkInDate(number)
                return date >= firstDay && date <= settled
            }
        }
        var candidates = stays.indices.filter { $0 != open && !flaggable($0).isEmpty }
        random.shuffle(&candidates)
        candidates = candidates.filter { stays[$0].track != .substanceUse }
            + candidates.filter { stays[$0].track == .substanceUse }
        for index in candidates.prefix(max(2, stays.count / 25)) {
            stays[index].safetyFlag = .acknowledged(checkIn: random.pick(flaggable(index)))
        }
    }

    /// An active participant with the most recent check-in, preferring one whose scores are
    /// already worsening and who is in mental-health or co-occurring care.
    private static func openFlagOwner(in stays: [DemoStay], today: LocalDate) -> Int? {
        let candidates = stays.indices.filter { index in
            let stay = stays[index]
            return stay.exit == nil && stay.holdFrom == nil && stay.checkInCount >= 2
        }
        func lastCheckIn(_ index: Int) -> LocalDate {
            stays[index].checkInDate(stays[index].checkInCount - 1)
        }
        // Raised within the last two days is what "still open" looks like in a working program.
        func preference(_ index: Int) -> (Int, Int, Int, Int) {
            let stay = stays[index]
            let daysAgo = lastCheckIn(index).days(until: today)
            return (
                daysAgo > 2 ? daysAgo : 0,
                stay.trajectory.kind == .worsening ? 0 : 1,
                stay.track == .substanceUse ? 1 : 0,
                daysAgo
            )
        }
        return candidates.min { preference($0) < preference($1) }
    }
}
