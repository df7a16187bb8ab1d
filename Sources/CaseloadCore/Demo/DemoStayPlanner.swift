/// Decides every participant's episode. The history is a window onto a program that has been
/// running all along: each stay is placed at a random admission date, going back far enough for
/// the longest course, and kept only if it reaches into the window. So the census is steady from
/// the first day (about participants × 14 ÷ (weeks + 14) in care at once), every level of care
/// is represented, and participants admitted before the window arrive with their history so far.
enum DemoStayPlanner {
    /// Admissions go back this far before the window: longer than the longest course.
    private static let lookBackWeeks = 36

    static func stays(participants: Int, firstDay: LocalDate, today: LocalDate, seed: UInt64)
        -> [DemoStay]
    {
        var random = DemoRandom(seed: seed, .admissions)
        let earliest = firstDay.adding(days: -7 * lookBackWeeks)
        var stays = (0..<participants).map { key in
            var stayRandom = DemoRandom(seed: seed, .stay, key)
            let course = DemoCourse(random: &stayRandom)
            while true {
                let admission = weekday(
                    earliest.adding(days: random.int(0...earliest.days(until: today) - 1)), before: today)
                let (steps, exit) = course.placed(at: admission)
                if exit > firstDay {
                    return stay(
                        key: key, course: course, admission: admission, steps: steps, exit: exit,
                        firstDay: firstDay, today: today, random: &stayRandom)
                }
            }
        }
        stays.sort { ($0.admission, $0.key) < ($1.admission, $1.key) }
        for index in stays.indices { stays[index].index = index }
        return stays
    }

    /// The nearest weekday before `before`: programs admit Monday to Friday.
    private static func weekday(_ date: LocalDate, before: LocalDate) -> LocalDate {
        guard date.weekday > 5 else { return date }
        let monday = date.adding(days: 8 - date.weekday)
        return monday < before ? monday : date.adding(days: 5 - date.weekday)
    }

    private static func stay(
        key: Int, course: DemoCourse, admission: LocalDate, steps: [DemoStay.Step],
        exit: LocalDate, firstDay: LocalDate, today: LocalDate, random: inout DemoRandom
    ) -> DemoStay {
        let track = random.weighted([
            (Track.substanceUse, 0.4), (.coOccurring, 0.35), (.mentalHealth, 0.25),
        ])
        let kind: DemoTrajectory.Kind = course.leavesEarly
            ? random.weighted([(.improving, 0.2), (.steady, 0.35), (.worsening, 0.3), (.volatile, 0.15)])
            : random.weighted([(.improving, 0.62), (.steady, 0.2), (.worsening, 0.08), (.volatile, 0.1)])
        let discharged = exit < today
        let hold = !discharged && random.chance(0.02) ? today.adding(days: -random.int(3...10)) : nil
        let holdFrom = hold.flatMap { $0 > max(admission.adding(days: 7), firstDay) ? $0 : nil }
        return DemoStay(
            key: key, index: 0, admission: admission, track: track,
            substance: track == .mentalHealth ? nil : random.pick(DemoSubstance.all),
            disorder: track == .substanceUse ? nil : random.pick(DemoDisorder.all),
            steps: steps.filter { $0.effective < today },
            exit: discharged ? (exit, course.outcome) : nil, holdFrom: holdFrom,
            trajectory: DemoTrajectory(kind: kind, track: track, random: &random),
            reliability: course.leavesEarly
                ? random.weighted([(0.94, 0.45), (0.86, 0.35), (0.72, 0.2)])
                : random.weighted([(0.98, 0.6), (0.95, 0.3), (0.85, 0.1)]),
            sessionWeekday: random.int(1...5), sessionSlot: random.int(0...7), safetyFlag: nil,
            end: min(discharged ? exit : today, holdFrom ?? today))
    }
}
