import Foundation

/// Documents a session the way staff do: the facilitator writes each member's note in their
/// usual format within hours (now and then a day or two late), signs it, and a supervisor
/// co-signs the notes of counselors practicing under supervision. Some notes of the last few days
/// are still drafts: the counselor behind on paperwork has not signed their individual notes,
/// others left the odd session unfinished. Nothing is written or signed after the demo's cutoff.
struct DemoNotes {
    let staff: DemoStaff
    let clock: DemoClock
    let today: LocalDate
    /// Signed individual and family notes so far: every 150th gets an addendum, so the rare
    /// event still shows in a small demo and stays rare in a large one.
    private var signedOneToOneNotes = 0

    init(staff: DemoStaff, clock: DemoClock, today: LocalDate) {
        self.staff = staff
        self.clock = clock
        self.today = today
    }

    private static let partialAttendance: [AttendanceStatus: String] = [
        .late: "Arrived late", .leftEarly: "Left early",
    ]

    /// `name` gives the name staff use for a member; `support` names the support people present.
    mutating func document(
        _ session: inout Session, name: (ParticipantID) -> String, support: String,
        random: inout DemoRandom
    ) throws(DomainError) {
        let author = session.facilitators[0]
        let format = staff.format(of: author)
        let endMinute = session.startTime.minutesSinceMidnight + session.durationMinutes
        var saves: [Save] = []
        let recent = session.date >= today.adding(days: -5)
        let behind = recent && session.kind != .group && author == staff.behindOnPaperwork
        let leftAsDraft = behind || recent && random.chance(0.1)
        // Notes are written after the session, or (now and then) a working day or two later.
        var time = random.chance(0.08)
            ? workingTime(daysAfter: random.int(1...2), session.date, random: &random)
            : clock.instant(session.date, minute: endMinute + random.int(5...(endMinute < 17 * 60 ? 120 : 30)))
        if session.kind == .group, clock.isPast(time) {
            let topic = session.topic ?? ""
            session.sharedNarrative = random.pick(DemoGroupNarratives.templates(for: topic))
                .fill { _ in topic.lowercased() }
            session.narrativeContributors = [author]
            saves.append(Save(at: time, by: author, of: .narrative))
        }

        var signed: [ParticipantID] = []
        for member in session.members where clock.isPast(time) {
            let entry: DemoNoteText.Entry =
                !member.attendance.status.attended ? .absent
                : session.kind == .group ? .groupMember
                : session.kind == .family ? .family : .individual
            let slots = slotValues(
                name: name(member.participant), session: session, member: member, support: support,
                random: &random)
            for (position, section) in format.sections.enumerated() {
                var text = random.pick(DemoNoteText.templates(section: section.key, entry: entry))
                    .fill(slots)
                if position == 0, let partial = Self.partialAttendance[member.attendance.status] {
                    text = "\(partial) (\(member.attendance.minutesAttended) of \(session.durationMinutes) min). " + text
                }
                try session.writeNote(
                    of: member.participant, format: format, section: section.key, text: text,
                    by: author, at: time)
            }
            saves.append(Save(at: time, by: author, of: .note(member.participant)))
            let signAt = time.addingTimeInterval(60)
            if clock.isPast(signAt), !behind, !(leftAsDraft && random.chance(0.7)) {
                try session.signNote(of: member.participant, by: staff.member(author), at: signAt)
                signed.append(member.participant)
                saves.append(Save(at: signAt, by: author, of: .note(member.participant)))
            }
            time = signAt.addingTimeInterval(Double(random.int(1...4)) * 60)
        }
        if let last = saves.last?.at, !signed.isEmpty {
            try coSign(&session, notes: signed, after: last, saves: &saves, random: &random)
            if session.kind != .group {
                try addAddendum(&session, to: signed[0], after: last, saves: &saves, random: &random)
            }
        }
        // Each note and the narrative have a revision of their own (see `SessionFile`); the
        // session's file is only ever written when the session is recorded.
        for save in saves.sorted(by: { $0.at < $1.at }) {
            switch save.target {
            case .narrative: session.narrativeRevision = Self.revision(after: session.narrativeRevision, save)
            case .note(let participant), .addendum(let participant):
                guard let index = session.members.firstIndex(where: { $0.participant == participant }) else { continue }
                session.members[index].noteRevision = Self.revision(after: session.members[index].noteRevision, save)
            }
        }
    }

    /// One save of a note or the narrative.
    private struct Save {
        let at: Date
        let by: StaffID
        let target: EditTarget

        init(at: Date, by: StaffID, of target: EditTarget) {
            self.at = at
            self.by = by
            self.target = target
        }
    }

    private static func revision(after earlier: Revision?, _ save: Save) -> Revision {
        earlier?.next(at: save.at, by: save.by) ?? Revision(createdAt: save.at, createdBy: save.by)
    }

    private func slotValues(
        name: String, session: Session, member: SessionMember, support: String,
        random: inout DemoRandom
    ) -> (DemoSlot) -> String {
        let skill = random.pick(DemoNoteText.skills)
        let trigger = random.pick(DemoNoteText.triggers)
        let affect = random.pick(DemoNoteText.affects)
        let absence = member.attendance.status == .excused
            ? random.pick(DemoNoteText.excusedReasons) : random.pick(DemoNoteText.unexcusedReasons)
        let topic = (session.topic ?? "").lowercased()
        let minutes = String(member.attendance.minutesAttended)
        return { slot in
            switch slot {
            case .name: name
            case .skill: skill
            case .trigger: trigger
            case .affect: affect
            case .absence: absence
            case .topic: topic
            case .minutes: minutes
            case .support: support
            default: ""
            }
        }
    }

    private func coSign(
        _ session: inout Session, notes: [ParticipantID], after signing: Date,
        saves: inout [Save], random: inout DemoRandom
    ) throws(DomainError) {
        let author = session.facilitators[0]
        guard staff.needsCoSignature(author) || random.chance(0.04),
            !staff.supervisors.contains(where: { $0.id == author })
        else { return }
        let supervisor = random.pick(staff.supervisors)
        let at = max(
            signing.addingTimeInterval(3600),
            workingTime(daysAfter: random.int(1...3), session.date, random: &random))
        guard clock.isPast(at) else { return }
        for participant in notes {
            try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
                try note.coSign(by: supervisor, at: at)
            }
        }
        saves += notes.map { Save(at: at, by: supervisor.id, of: .note($0)) }
    }

    private mutating func addAddendum(
        _ session: inout Session, to participant: ParticipantID, after signing: Date,
        saves: inout [Save], random: inout DemoRandom
    ) throws(DomainError) {
        signedOneToOneNotes += 1
        guard signedOneToOneNotes % 150 == 60 else { return }
        let author = session.facilitators[0]
        let at = max(
            signing.addingTimeInterval(3600),
            workingTime(daysAfter: random.int(1...3), session.date, random: &random))
        guard clock.isPast(at) else { return }
        let text = random.pick(DemoNoteText.addenda)
        try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
            try note.addAddendum(text, by: staff.member(author), at: at)
        }
        saves.append(Save(at: at, by: author, of: .note(participant)))
    }

    /// Some time between 09:00 and 17:00, `days` days after `date`, weekends skipped.
    private func workingTime(daysAfter days: Int, _ date: LocalDate, random: inout DemoRandom) -> Date {
        var day = date.adding(days: days)
        if day.weekday > 5 { day = day.adding(days: 8 - day.weekday) }
        return clock.instant(day, minute: random.int(9 * 60...17 * 60))
    }
}
