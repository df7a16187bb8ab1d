import CaseloadCore
import Foundation

/// One week's sessions, one section per day, with attendance and notes to sign; Enter opens a
/// session.
enum SessionsReport {
    static func build(data: ConsoleData, facts: CaseloadFacts, session: ConsoleSession, week: SessionsWeek)
        -> Report
    {
        let current = week.week == session.today.isoWeek
        let all = current ? data.sessions.filter { $0.date.isoWeek == week.week } : week.loaded ?? []
        let shown = week.mineOnly ? all.filter { $0.facilitators.contains(session.staff.id) } : all
        let overdue = Set(facts.overdueNotes.map(\.session))
        let byDay = Dictionary(grouping: shown, by: \.date)
        let sections = byDay.keys.sorted().map { day in
            let meetings = byDay[day]!.sorted { ($0.startTime, $0.id) < ($1.startTime, $1.id) }
            return ReportSection(
                title: Format.weekdayDate(day) + (day == session.today ? " (today)" : ""),
                columns: columns,
                rows: meetings.map { row($0, data: data, facts: facts, overdue: overdue, session: session) },
                emptyText: "")
        }
        guard !sections.isEmpty else {
            let empty = !current && week.loaded == nil ? "Loading…"
                : week.mineOnly ? "No sessions of yours recorded this week; m shows everyone's."
                : "No sessions recorded this week."
            return Report(sections: [ReportSection(
                title: "Week of \(Format.date(week.week.monday))", columns: columns, rows: [], emptyText: empty)])
        }
        return Report(sections: sections)
    }

    private static let columns: [TableColumn] = [
        .fixed("Time", 5), .flex("Session", min: 14), .flex("Participant or led by", min: 14, priority: 1),
        .fixed("Attendance", 15), .fixed("Notes", 13),
        // What `note write` and `note sign` take; the first to give way when narrow.
        .fixed("Session id", 22, priority: 1),
    ]

    private static func row(_ meeting: Session, data: ConsoleData, facts: CaseloadFacts,
                            overdue: Set<SessionID>, session: ConsoleSession) -> ReportRow {
        let unsigned = meeting.members.filter { !($0.note?.isSigned ?? false) }.count
        let notes = unsigned == 0
            ? Span("All signed", .muted)
            : Span("\(unsigned) to sign", overdue.contains(meeting.id) ? .flagWarning : .value)
        let single = meeting.kind == .group ? nil : meeting.members.first?.participant
        let who = single.map { facts.shownName(of: $0, glyphs: session.glyphs) }
            ?? Wording.facilitators(meeting, staff: data.staff, glyphs: session.glyphs)
        return ReportRow([
            [Span(meeting.startTime.description, .value)],
            [Span(Wording.sessionTitle(meeting, separator: session.glyphs.separator), .value)],
            [Span(who, single == nil ? .muted : .value)],
            [Span(Wording.attendance(meeting), .value)],
            [notes],
            [Span(meeting.id.rawValue, .muted)],
        ], participant: single, opens: .session(meeting.id, selecting: nil))
    }
}
