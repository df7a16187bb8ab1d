import CaseloadCore
import Foundation

/// The counselor's landing: open safety flags on my caseload, my sessions today, notes I have
/// to write, check-ins due and plan reviews overdue on my caseload.
enum TodayReport {
    static func build(data: ConsoleData, facts: CaseloadFacts, session: ConsoleSession) -> Report {
        let me = session.staff.id
        let mine = facts.rows.filter { $0.entry.primaryCounselor == me }
        let flaggedAfterDischarge = facts.dischargedWithOpenFlags.filter { $0.entry.primaryCounselor == me }
        // The damage first: it says the flags below may be incomplete.
        let damage = data.damagedParticipants.isEmpty ? [] : [Wording.damagedParticipantsSection(data, glyphs: session.glyphs)]
        return Report(sections: damage + [
            safetyFlags(mine + flaggedAfterDischarge, glyphs: session.glyphs),
            sessionsToday(data: data, facts: facts, session: session),
            notesToWrite(data: data, facts: facts, session: session),
            checkInsDue(mine, today: session.today, glyphs: session.glyphs),
            SupervisionSections.planReviews(facts, of: me, today: session.today, glyphs: session.glyphs),
        ])
    }

    private static func safetyFlags(_ rows: [RosterRow], glyphs: ConsoleGlyphs) -> ReportSection {
        let flagged = rows.filter(\.hasOpenSafetyFlag)
        return ReportSection(
            title: "Open safety flags on my caseload",
            columns: [.fixed("", 1), .flex("Participant", min: 16), .fixed("Last check-in", 13),
                      .fixed("PHQ-9", 5, align: .right), .fixed("Flags", 14)],
            rows: flagged.map { row in
                let latest = row.entry.latestCheckIn
                return ReportRow([
                    [Span(glyphs.safetyFlag, .flagSafety)], Wording.flaggedName(row, glyphs: glyphs),
                    [Span(latest.map { Format.shortDate($0.date) } ?? "None yet", .value)],
                    [ScoreSpans.total(latest?.phq9Total, .phq9)],
                    [Span(Format.count(row.entry.openSafetyFlags.count, "open flag"), .flagSafety)],
                ], participant: row.id)
            },
            emptyText: "No open safety flags on your caseload.")
    }

    private static func sessionsToday(data: ConsoleData, facts: CaseloadFacts, session: ConsoleSession)
        -> ReportSection
    {
        let mine = data.sessions
            .filter { $0.date == session.today && $0.facilitators.contains(session.staff.id) }
            .sorted { ($0.startTime, $0.id) < ($1.startTime, $1.id) }
        var rows: [ReportRow] = []
        for meeting in mine {
            for (index, member) in meeting.members.enumerated() {
                let first = index == 0
                rows.append(ReportRow([
                    [Span(first ? meeting.startTime.description : "", .value)],
                    [Span(first ? Wording.sessionTitle(meeting, separator: session.glyphs.separator) : "", .value)],
                    [Span(facts.shownName(of: member.participant, glyphs: session.glyphs), .value)],
                    [Wording.attendance(member.attendance, of: meeting, separator: session.glyphs.separator)],
                    [Wording.noteState(member.note)],
                ], participant: member.participant,
                   opens: .session(meeting.id, selecting: member.participant)))
            }
        }
        return ReportSection(
            title: "My sessions today",
            columns: [.fixed("Time", 5), .flex("Session", min: 14, priority: 1),
                      .flex("Participant", min: 16), .flex("Attendance", min: 14), .fixed("Note", 11)],
            rows: rows, emptyText: "No sessions recorded for you today.")
    }

    private static func notesToWrite(data: ConsoleData, facts: CaseloadFacts, session: ConsoleSession)
        -> ReportSection
    {
        let timeZone = data.program.timeZone
        var pending: [(due: Date, meeting: Session, member: SessionMember)] = []
        for meeting in data.sessions where meeting.facilitators.contains(session.staff.id)
            && meeting.date.instant(at: meeting.startTime, in: timeZone) <= session.now
        {
            let due = NoteDeadline.dueAt(meeting, settings: data.program)
            for member in meeting.members where !(member.note?.isSigned ?? false) {
                pending.append((due, meeting, member))
            }
        }
        pending.sort { ($0.due, $0.member.participant) < ($1.due, $1.member.participant) }
        return ReportSection(
            title: "Notes to write",
            columns: [.fixed("Due", 20), .flex("Participant", min: 16),
                      .flex("Session", min: 14, priority: 1), .fixed("Note", 11)],
            rows: pending.map { item in
                ReportRow([
                    [Wording.noteDue(item.due, now: session.now, today: session.today, timeZone: timeZone)],
                    [Span(facts.shownName(of: item.member.participant, glyphs: session.glyphs), .value)],
                    [Span("\(Format.weekdayDate(item.meeting.date)) \(session.glyphs.separator) "
                          + Wording.sessionTitle(item.meeting, separator: session.glyphs.separator), .value)],
                    [data.draft(in: item.meeting.id, .note(item.member.participant)) == nil
                        ? Wording.noteState(item.member.note) : Span("Draft kept", .value)],
                ], participant: item.member.participant,
                   opens: .note(NoteTarget(session: item.meeting.id, participant: item.member.participant)))
            },
            emptyText: "Every note from your sessions is signed.")
    }

    private static func checkInsDue(_ rows: [RosterRow], today: LocalDate, glyphs: ConsoleGlyphs) -> ReportSection {
        let due = rows.filter { $0.checkIn.nextDue <= today }
            .sorted { ($0.checkIn.nextDue, $0.sortKey) < ($1.checkIn.nextDue, $1.sortKey) }
        return ReportSection(
            title: "Check-ins due",
            columns: [.flex("Participant", min: 16), .fixed("Level", 5), .fixed("Last PHQ/GAD", 13),
                      .fixed("Due", 18)],
            rows: due.map { row in
                ReportRow([
                    [Span(row.shownName(glyphs), .value)], [Span(row.levelOfCare.abbreviation, .value)],
                    // The date the due date counts from: a craving-only check-in does not reset it.
                    [Span(row.entry.lastQuestionnaire.map { Format.shortDate($0) } ?? "None yet", .value)],
                    [Wording.checkInDue(row.checkIn, today: today)],
                ], participant: row.id)
            },
            emptyText: "No check-ins due on your caseload today.")
    }
}
