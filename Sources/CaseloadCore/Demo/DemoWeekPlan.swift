/// One week's schedule, settled before any of its sessions is written: who sits in which group
/// with which facilitator, and which hour slot each participant's individual (or family) session
/// takes, so no counselor and no participant is ever in two places at once.
struct DemoWeekPlan {
    struct Group {
        let block: DemoTimetable.GroupBlock
        let date: LocalDate
        let topic: String
        let facilitators: [StaffID]
        /// Indexes into the generator's list of participants in care.
        let members: [Int]
    }

    struct OneToOne {
        let date: LocalDate
        let minute: Int
        let member: Int
        let counselor: StaffID
    }

    private(set) var groups: [Group] = []
    private(set) var oneToOnes: [OneToOne] = []

    /// `days` are the week's days inside the history; `inCare` the participants who may attend.
    init(days: [LocalDate], inCare: [DemoInCare], staff: DemoStaff, topics: [String],
         random: inout DemoRandom)
    {
        var busy = Set<BusyKey>()
        for date in days where date.weekday <= 5 {
            let blocks = DemoTimetable.blocks(on: date.weekday)
            let dayTopics = random.sample(topics, count: blocks.count)
            for (blockIndex, block) in blocks.enumerated() {
                let eligible = inCare.indices.filter { index in
                    let stay = inCare[index].stay
                    return stay.isAttending(on: date) && block.levels.contains(stay.level(on: date))
                }
                // Large groups split in parallel rooms, as many as there are free clinicians.
                let leads = facilitators(for: block, on: date, staff: staff)
                let needed = (eligible.count + DemoTimetable.largestGroup - 1) / DemoTimetable.largestGroup
                let splits = min(needed, leads.count)
                guard splits > 0 else { continue }
                // Now and then a supervisor sits in with the first group, when free.
                let sitter = leads.dropFirst(splits).first { sitter in
                    staff.supervisors.contains { $0.id == sitter }
                }
                let coLead = random.chance(0.15) ? sitter.map { [$0] } ?? [] : []
                for split in 0..<splits {
                    let lead = leads[split]
                    let members = eligible[(split * eligible.count / splits)..<((split + 1) * eligible.count / splits)]
                    groups.append(Group(
                        block: block, date: date, topic: dayTopics[blockIndex % dayTopics.count],
                        facilitators: [lead] + (split == 0 ? coLead : []), members: Array(members)))
                    for minute in DemoTimetable.slots
                    where block.overlaps(minute: minute, length: DemoTimetable.slotLength) {
                        busy.insert(BusyKey(staff: lead, date: date, minute: minute))
                    }
                }
            }
        }
        for (index, person) in inCare.enumerated() {
            if let booking = book(person, days: days, busy: busy) {
                busy.insert(BusyKey(staff: person.counselor, date: booking.date, minute: booking.minute))
                oneToOnes.append(OneToOne(
                    date: booking.date, minute: booking.minute, member: index,
                    counselor: person.counselor))
            }
        }
    }

    /// The clinicians free to run this block, in order of preference: the counselors in the
    /// weekly rotation starting with this block's own, then the supervisors.
    private func facilitators(for block: DemoTimetable.GroupBlock, on date: LocalDate, staff: DemoStaff)
        -> [StaffID]
    {
        let counselors = staff.counselors.map(\.id)
        let first = date.weekday - 1 + block.rotation
        let rotation = counselors.indices.map { counselors[(first + $0) % counselors.count] }
        return (rotation + staff.supervisors.map(\.id)).filter { !isLeading($0, on: date, during: block) }
    }

    private func isLeading(_ staff: StaffID, on date: LocalDate, during block: DemoTimetable.GroupBlock)
        -> Bool
    {
        groups.contains { group in
            group.date == date && group.facilitators.contains(staff)
                && group.block.overlaps(minute: block.start.minutesSinceMidnight, length: block.minutes)
        }
    }

    /// The first free slot, trying the participant's preferred weekday and hour first.
    private func book(_ person: DemoInCare, days: [LocalDate], busy: Set<BusyKey>)
        -> (date: LocalDate, minute: Int)?
    {
        let stay = person.stay
        let open = days.filter { $0.weekday <= 5 && stay.isAttending(on: $0) }
            .sorted { ($0.weekday - stay.sessionWeekday + 7) % 7 < ($1.weekday - stay.sessionWeekday + 7) % 7 }
        let slots = DemoTimetable.slots.indices.map {
            DemoTimetable.slots[($0 + stay.sessionSlot) % DemoTimetable.slots.count]
        }
        for date in open {
            let ownGroups = DemoTimetable.blocks(on: date.weekday)
                .filter { $0.levels.contains(stay.level(on: date)) }
            for minute in slots
            where !busy.contains(BusyKey(staff: person.counselor, date: date, minute: minute))
                && !ownGroups.contains(where: { $0.overlaps(minute: minute, length: DemoTimetable.slotLength) })
            {
                return (date, minute)
            }
        }
        return nil
    }

    private struct BusyKey: Hashable {
        let staff: StaffID
        let date: LocalDate
        let minute: Int
    }
}
