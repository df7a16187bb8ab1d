import CaseloadCore
import Foundation

/// The supervisor's landing, program-wide: what needs a clinician's attention first, high-risk
/// assessments awaiting review pinned at the top.
enum DashboardReport {
    static func build(data: ConsoleData, facts: CaseloadFacts, session: ConsoleSession) -> Report {
        // The damage first: it says the flags below may be incomplete.
        let damage = data.damagedParticipants.isEmpty ? [] : [Wording.damagedParticipantsSection(data, glyphs: session.glyphs)]
        let coSigning = session.staff.role == .supervisor ? [coSignQueue(data: data, facts: facts, session: session)] : []
        let glyphs = session.glyphs
        // High-risk assessments awaiting review are pinned above everything, the damage included,
        // while there are any.
        let pinned = SupervisionSections.awaitingReview(facts, glyphs: glyphs)
        return Report(sections: (pinned.rows.isEmpty ? [] : [pinned]) + damage + [
            safetyFlags(facts.rows + facts.dischargedWithOpenFlags, glyphs: glyphs),
            SupervisionSections.counselors(facts, data: data, glyphs: glyphs),
            SupervisionSections.missedInARow(facts, glyphs: glyphs),
            belowHours(facts.rows, glyphs: glyphs),
            worsening(facts.rows, glyphs: glyphs),
            overdueCheckIns(facts.rows, today: session.today, glyphs: glyphs),
            SupervisionSections.planReviews(facts, today: session.today, glyphs: glyphs),
            overdueNotes(data: data, facts: facts, session: session),
        ] + coSigning + (data.damagedFileCount > 0 ? [damagedFiles(data)] : []))
    }

    /// Only when something could not be read: which files, so someone runs `caseload check`.
    private static func damagedFiles(_ data: ConsoleData) -> ReportSection {
        let why = "Run caseload check to see what is wrong with this file"
        var rows = data.damagedFiles.map { ReportRow([[Span($0, .error)]], participant: nil, whyNoParticipant: why) }
        let unnamed = data.damagedFileCount - data.damagedFiles.count
        if unnamed > 0 {
            rows.append(ReportRow([[Span("and \(Format.count(unnamed, "more file"))", .muted)]], participant: nil,
                                  whyNoParticipant: why))
        }
        return ReportSection(
            title: "Files that could not be read (\(data.damagedFileCount)); run caseload check",
            columns: [.flex("File", min: 20)], rows: rows, emptyText: "")
    }

    /// Signed notes from the weeks the console holds that the signed-in supervisor may co-sign
    /// (the core's rule: not one they wrote or signed), oldest first; Enter reads the note.
    private static func coSignQueue(data: ConsoleData, facts: CaseloadFacts, session: ConsoleSession) -> ReportSection {
        let timeZone = data.program.timeZone
        let sessions = Dictionary(data.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let waiting = CoSignRequest.waiting(in: data.sessions, for: session.staff)
        return ReportSection(
            title: "Notes waiting for your co-signature (\(waiting.count))",
            columns: [.fixed("Signed", 13), .flex("Participant", min: 16), .flex("Session", min: 14, priority: 1),
                      .flex("Signed by", min: 12, priority: 2)],
            rows: waiting.compactMap { item in
                guard let meeting = sessions[item.session] else { return nil }
                return ReportRow([
                    [Span(Format.shortDate(LocalDate(item.signature.at, in: timeZone)), .value)],
                    [Span(facts.row(item.participant)?.name ?? item.participant.rawValue, .value)],
                    [Span("\(Format.weekdayDate(meeting.date)) \(session.glyphs.separator) "
                          + Wording.sessionTitle(meeting, separator: session.glyphs.separator), .value)],
                    [Span(item.signature.signedAs ?? item.signature.by.rawValue, .muted)],
                ], participant: item.participant,
                   opens: .note(NoteTarget(session: item.session, participant: item.participant)))
            },
            emptyText: "No signed notes are waiting for your co-signature.")
    }

    private static func name(_ row: RosterRow, _ glyphs: ConsoleGlyphs) -> [Span] { [Span(row.shownName(glyphs), .value)] }
    private static func counselor(_ row: RosterRow, _ glyphs: ConsoleGlyphs) -> [Span] {
        [Span(row.shownCounselor(glyphs), .value)]
    }

    private static func safetyFlags(_ rows: [RosterRow], glyphs: ConsoleGlyphs) -> ReportSection {
        let flagged = rows.filter(\.hasOpenSafetyFlag).sorted {
            ($1.entry.latestCheckIn?.date.dayNumber ?? 0, $0.sortKey) < ($0.entry.latestCheckIn?.date.dayNumber ?? 0, $1.sortKey)
        }
        return ReportSection(
            title: "Open safety flags (\(flagged.count))",
            columns: [.fixed("", 1), .flex("Participant", min: 16), .flex("Counselor", min: 12, priority: 1),
                      .fixed("Last check-in", 13), .fixed("PHQ-9", 5, align: .right), .fixed("Flags", 12)],
            rows: flagged.map { row in
                ReportRow([
                    [Span(glyphs.safetyFlag, .flagSafety)], Wording.flaggedName(row, glyphs: glyphs), counselor(row, glyphs),
                    [Span(row.entry.latestCheckIn.map { Format.shortDate($0.date) } ?? "None yet", .value)],
                    // The latest PHQ-9, even when a craving-only check-in came after it.
                    [ScoreSpans.total(row.entry.phq9?.latest.total, .phq9)],
                    [Span(Format.count(row.entry.openSafetyFlags.count, "open flag"), .flagSafety)],
                ], participant: row.id)
            },
            emptyText: "No open safety flags.")
    }

    private static func belowHours(_ rows: [RosterRow], glyphs: ConsoleGlyphs) -> ReportSection {
        let below = rows.filter { !$0.lastWeekHours.meetsRequirement }
            .sorted { ($0.lastWeekHours.fraction, $0.sortKey) < ($1.lastWeekHours.fraction, $1.sortKey) }
        return ReportSection(
            title: "Below required hours last week (\(below.count))",
            columns: [.flex("Participant", min: 16), .fixed("Level", 5), .flex("Counselor", min: 12, priority: 1),
                      .fixed("Hours", 13), .fixed("Short by", 9, align: .right)],
            rows: below.map { row in
                ReportRow([
                    name(row, glyphs), [Span(row.levelOfCare.abbreviation, .value)], counselor(row, glyphs),
                    Meter.hours(row.lastWeekHours, glyphs: glyphs),
                    [Span("\(Format.hours(row.lastWeekHours.requiredHours - row.lastWeekHours.attendedHours))h", .meterShort)],
                ], participant: row.id)
            },
            emptyText: "Everyone has the hours their level of care requires.")
    }

    private static func worsening(_ rows: [RosterRow], glyphs: ConsoleGlyphs) -> ReportSection {
        func largest(_ row: RosterRow) -> Int { row.worsening.map(\.change).max() ?? 0 }
        let worse = rows.filter { !$0.worsening.isEmpty }
            .sorted { (-largest($0), $0.sortKey) < (-largest($1), $1.sortKey) }
        func change(_ row: RosterRow, _ instrument: Instrument) -> [Span] {
            guard let change = RosterRow.changes(row.entry).first(where: { $0.instrument == instrument })
            else { return [Span("-", .muted)] }
            return [Span("\(change.baseline) \(glyphs.arrow) ", .value), ScoreSpans.total(change.latest, instrument),
                    Span(" (\(Format.signed(change.change)))", change.trend == .worsening ? .flagWarning : .value)]
        }
        return ReportSection(
            title: "Worsening scores since admission (\(worse.count))",
            columns: [.flex("Participant", min: 16), .flex("Counselor", min: 12, priority: 1),
                      .fixed("PHQ-9", 13), .fixed("GAD-7", 13)],
            rows: worse.map { row in
                ReportRow([name(row, glyphs), counselor(row, glyphs), change(row, .phq9), change(row, .gad7)], participant: row.id)
            },
            emptyText: "No one's scores have worsened since admission.")
    }

    private static func overdueCheckIns(_ rows: [RosterRow], today: LocalDate, glyphs: ConsoleGlyphs) -> ReportSection {
        let overdue = rows.filter { $0.isCheckInOverdue(on: today) }
            .sorted { ($0.checkIn.nextDue, $0.sortKey) < ($1.checkIn.nextDue, $1.sortKey) }
        return ReportSection(
            title: "Check-ins overdue (\(overdue.count))",
            columns: [.flex("Participant", min: 16), .flex("Counselor", min: 12, priority: 1),
                      .fixed("Last check-in", 13), .fixed("Overdue", 18)],
            rows: overdue.map { row in
                ReportRow([
                    name(row, glyphs), counselor(row, glyphs),
                    [Span(row.entry.latestCheckIn.map { Format.shortDate($0.date) } ?? "None yet", .value)],
                    [Wording.checkInDue(row.checkIn, today: today)],
                ], participant: row.id)
            },
            emptyText: "Every check-in is up to date.")
    }

    private static func overdueNotes(data: ConsoleData, facts: CaseloadFacts, session: ConsoleSession)
        -> ReportSection
    {
        let sessions = Dictionary(data.sessions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return ReportSection(
            title: "Notes overdue (\(facts.overdueNotes.count))",
            columns: [.flex("Participant", min: 16), .flex("Session", min: 14, priority: 2),
                      .flex("Led by", min: 12, priority: 1), .fixed("Due", 20)],
            rows: facts.overdueNotes.map { note in
                let meeting = sessions[note.session]
                return ReportRow([
                    [Span(facts.shownName(of: note.participant, glyphs: session.glyphs), .value)],
                    [Span(Format.weekdayDate(note.sessionDate) + (meeting.map {
                        " \(session.glyphs.separator) " + Wording.sessionTitle($0, separator: session.glyphs.separator)
                    } ?? ""), .value)],
                    [Span(meeting.map { Wording.facilitators($0, staff: data.staff, glyphs: session.glyphs) } ?? "", .value)],
                    [Wording.noteDue(note.dueAt, now: session.now, today: session.today,
                                     timeZone: data.program.timeZone)],
                ], participant: note.participant)
            },
            emptyText: "No notes are overdue.")
    }
}
