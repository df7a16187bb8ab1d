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
        let counselors = staff.counselors.map(\.id)
        var busy = Set<BusyKey>()
        for date in days where date.weekday <= 5 {
            let blocks = DemoTimetable.blocks(on: date.weekday)
            let dayTopics = random.sample(topics, count: blocks.count)
            for (blockIndex, block) in blocks.enumerated() {
                let eligible = inCare.indices.filter { index in
                    let stay = inCare[index].stay
                    return stay.isAttending(on: date) && block.levels.contains(stay.level(on: date))
                }
                guard !eligible.isEmpty else { continue }
                let splits = min(counselors.count,
                                 (eligible.count + DemoTimetable.largestGroup - 1) / DemoTimetable.largestGroup)
                for split in 0..<splits {
                    let lead = facilitator(for: block, on: date, from: counselors)
                    let coLead = split == 0 && random.chance(0.15) ? [random.pick(staff.supervisors).id] : []
                    let members = eligible[(split * eligible.count / splits)..<((split + 1) * eligible.count / splits)]
                    groups.append(Group(
                        block: block, date: date, topic: dayTopics[blockIndex % dayTopics.count],
                        facilitators: [lead] + coLead, members: Array(members)))
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

    /// The block's counselor in the weekly rotation, or the next one along when that counselor
    /// is already leading a group at the same time.
    private func facilitator(
        for block: DemoTimetable.GroupBlock, on date: LocalDate, from counselors: [StaffID]
    ) -> StaffID {
        let first = date.weekday - 1 + block.rotation
        let free = (0..<counselors.count).map { counselors[(first + $0) % counselors.count] }
            .first { counselor in
                !groups.contains { group in
                    group.date == date && group.facilitators[0] == counselor
                        && group.block.overlaps(
                            minute: block.start.minutesSinceMidnight, length: block.minutes)
                }
            }
        return free ?? counselors[first % counselors.count]
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
