import Foundation

/// Documents a session the way staff do: the facilitator writes each member's note in their
/// usual format within hours (now and then a day or two late), signs it, and a supervisor
/// co-signs the notes of counselors practising under supervision. Notes of the last few days are
/// sometimes still drafts, and nothing is written or signed after the demo's cutoff.
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

    /// `name` gives the name staff use for a member; `support` names the support people present.
    mutating func document(
        _ session: inout Session, name: (ParticipantID) -> String, support: String,
        random: inout DemoRandom
    ) throws(DomainError) {
        let author = session.facilitators[0]
        let format = staff.format(of: author)
        let end = clock.instant(
            session.date, minute: session.startTime.minutesSinceMidnight + session.durationMinutes)
        var saves: [(at: Date, by: StaffID)] = []
        let leftAsDraft = session.date >= today.adding(days: -5) && random.chance(0.12)
        let delay = random.chance(0.08) ? random.int(26 * 60...50 * 60) : random.int(10...240)
        var time = end.addingTimeInterval(Double(delay) * 60)
        if session.kind == .group, clock.isPast(time) {
            let topic = session.topic ?? ""
            session.sharedNarrative = random.pick(DemoGroupNarratives.templates(for: topic))
                .fill { _ in topic.lowercased() }
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
            for section in format.sections {
                let text = random.pick(DemoNoteText.templates(section: section.key, entry: entry))
                    .fill(slots)
                try session.writeNote(
                    of: member.participant, format: format, section: section.key, text: text,
                    by: author, at: time)
            }
            saves.append((time, author))
            let signAt = time.addingTimeInterval(60)
            if clock.isPast(signAt), !(leftAsDraft && random.chance(0.7)) {
                try session.signNote(of: member.participant, by: author, at: signAt)
                signed.append(member.participant)
                saves.append((signAt, author))
            }
            time = signAt.addingTimeInterval(Double(random.int(1...4)) * 60)
        }
        if let last = saves.last?.at, !signed.isEmpty {
            try coSign(&session, notes: signed, after: last, saves: &saves, random: &random)
            if session.kind != .group {
                try addAddendum(&session, to: signed[0], after: last, saves: &saves, random: &random)
            }
        }
        for save in saves.sorted(by: { $0.at < $1.at }) {
            session.revision = session.revision.next(at: save.at, by: save.by)
        }
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
        saves: inout [(at: Date, by: StaffID)], random: inout DemoRandom
    ) throws(DomainError) {
        let author = session.facilitators[0]
        guard staff.needsCoSignature(author) || random.chance(0.04),
            !staff.supervisors.contains(where: { $0.id == author })
        else { return }
        let supervisor = random.pick(staff.supervisors)
        let at = signing.addingTimeInterval(Double(random.int(2...72)) * 3600)
        guard clock.isPast(at) else { return }
        for participant in notes {
            try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
                try note.coSign(by: supervisor, at: at)
            }
        }
        saves.append((at, supervisor.id))
    }

    private mutating func addAddendum(
        _ session: inout Session, to participant: ParticipantID, after signing: Date,
        saves: inout [(at: Date, by: StaffID)], random: inout DemoRandom
    ) throws(DomainError) {
        signedOneToOneNotes += 1
        guard signedOneToOneNotes % 150 == 60 else { return }
        let author = session.facilitators[0]
        let at = signing.addingTimeInterval(Double(random.int(20...60)) * 3600)
        guard clock.isPast(at) else { return }
        let text = random.pick(DemoNoteText.addenda)
        try session.updateNote(of: participant) { (note: inout Note) throws(DomainError) in
            try note.addAddendum(text, by: author, at: at)
        }
        saves.append((at, author))
    }
}
