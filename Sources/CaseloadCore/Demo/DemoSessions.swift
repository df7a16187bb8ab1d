import Foundation

/// Builds the session records of a week's plan: attendance for each member (mostly present, some
/// late or leaving early, a few absences, likelier for less reliable participants), then notes.
struct DemoSessions {
    let clock: DemoClock

    func group(
        _ group: DemoWeekPlan.Group, inCare: [DemoInCare], ids: inout DemoIDs,
        notes: inout DemoNotes, random: inout DemoRandom
    ) throws(DomainError) -> Session {
        let minutes = group.block.minutes
        let members = group.members.map { index in
            SessionMember(
                participant: inCare[index].stay.id,
                attendance: attendance(of: inCare[index].stay, minutes: minutes, random: &random))
        }
        var session = try Session(
            id: ids.session(on: group.date, at: group.block.start, random: &random), kind: .group,
            date: group.date, startTime: group.block.start, durationMinutes: minutes,
            facilitators: group.facilitators, topic: group.topic, members: members,
            revision: created(group.date, group.block.start, minutes, by: group.facilitators[0], &random))
        let names = Dictionary(uniqueKeysWithValues: group.members.map {
            (inCare[$0].stay.id, inCare[$0].name)
        })
        try notes.document(&session, name: { names[$0] ?? "" }, support: "", random: &random)
        return session
    }

    /// An individual session, or a family session when a family member or friend with current
    /// consent can join (now and then, after the first week; probation officers never do).
    func oneToOne(
        _ booking: DemoWeekPlan.OneToOne, inCare: [DemoInCare], ids: inout DemoIDs,
        notes: inout DemoNotes, random: inout DemoRandom
    ) throws(DomainError) -> Session {
        let person = inCare[booking.member]
        let consented = person.participant.membersWithCurrentConsent(on: booking.date)
            .filter { $0.relationship != DemoContacts.probationOfficer }
        let isFamily = !consented.isEmpty && person.stay.admission.days(until: booking.date) >= 7
            && random.chance(0.1)
        let minutes = isFamily ? 60 : random.pick([45, 50, 50, 53, 55, 60])
        let start = LocalTime(hour: booking.minute / 60, minute: booking.minute % 60)!
        let present = isFamily ? random.sample(consented, count: random.int(1...min(2, consented.count))) : []
        var session = try Session(
            id: ids.session(on: booking.date, at: start, random: &random),
            kind: isFamily ? .family : .individual, date: booking.date, startTime: start,
            durationMinutes: minutes, facilitators: [booking.counselor],
            topic: focus(of: person.stay, on: booking.date, family: isFamily, random: &random),
            members: [SessionMember(
                participant: person.stay.id,
                attendance: attendance(of: person.stay, minutes: minutes, random: &random))],
            revision: created(booking.date, start, minutes, by: booking.counselor, &random))
        session.supportMembersPresent = present.map(\.id)
        try notes.document(
            &session, name: { _ in person.name },
            support: present.map { "\($0.name) (\($0.relationship.lowercased()))" }
                .joined(separator: " and "),
            random: &random)
        return session
    }

    private func focus(of stay: DemoStay, on date: LocalDate, family: Bool, random: inout DemoRandom)
        -> String
    {
        if family { return random.pick(DemoNoteText.familyFocus) }
        if date.days(until: stay.end) <= 14, stay.exit?.type == .completed { return "Discharge planning" }
        if stay.admission.days(until: date) < 7 { return "Intake and treatment planning" }
        return random.pick(DemoNoteText.individualFocus)
    }

    private func attendance(of stay: DemoStay, minutes: Int, random: inout DemoRandom) -> Attendance {
        if !random.chance(stay.reliability) {
            return Attendance(status: random.chance(0.55) ? .excused : .unexcused, minutesAttended: 0)
        }
        return switch random.weighted([
            (AttendanceStatus.present, 0.88), (.late, 0.07), (.leftEarly, 0.05),
        ]) {
        case .late: Attendance(status: .late, minutesAttended: minutes - random.int(10...min(40, minutes / 3)))
        case .leftEarly: Attendance(status: .leftEarly, minutesAttended: minutes - random.int(15...minutes / 2))
        default: Attendance(status: .present, minutesAttended: minutes)
        }
    }

    /// Attendance is entered right after the session ends.
    private func created(
        _ date: LocalDate, _ start: LocalTime, _ minutes: Int, by staff: StaffID,
        _ random: inout DemoRandom
    ) -> Revision {
        Revision(
            createdAt: clock.instant(date, minute: start.minutesSinceMidnight + minutes + random.int(2...8)),
            createdBy: staff)
    }
}
