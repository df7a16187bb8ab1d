import CaseloadCore
import Foundation

/// What the console derives from a `ConsoleData` snapshot for one day: roster rows and the
/// unsigned notes. Rebuilt only when data loads or the clock moves.
struct CaseloadFacts: Sendable, Equatable {
    /// Everyone in care: the roster's list and the reports.
    let rows: [RosterRow]
    /// Discharged participants whose safety flag is still open: shown with the open flags only.
    let dischargedWithOpenFlags: [RosterRow]
    let rowIndex: [ParticipantID: Int]
    /// Notes past their due time, oldest session first.
    let overdueNotes: [OverdueNote]
    /// Every discharged participant, once the roster's discharged list has loaded them.
    let discharged: [RosterRow]
    /// The dashboard's counselor lines, missed sessions in a row, plan reviews overdue and
    /// assessments awaiting review, as the core counts them.
    let supervision: Supervision

    init(data: ConsoleData, discharged: [RosterEntry] = [], today: LocalDate, now: Date) {
        // Each participant's own sessions of the two weeks, so a row's hours cost what it attended.
        let weeks = [today.isoWeek, today.adding(days: -7).isoWeek]
        var sessions: [ParticipantID: [Session]] = [:]
        for session in data.sessions where weeks.contains(session.date.isoWeek) {
            for member in session.members { sessions[member.participant, default: []].append(session) }
        }
        overdueNotes = NoteDeadline.overdue(in: data.sessions, settings: data.program, now: now)
            .sorted { ($0.dueAt, $0.participant) < ($1.dueAt, $1.participant) }
        var overdueCount: [ParticipantID: Int] = [:]
        for note in overdueNotes { overdueCount[note.participant, default: 0] += 1 }
        func row(_ entry: RosterEntry) -> RosterRow {
            RosterRow(
                entry: entry, counselorName: data.staff[entry.primaryCounselor]?.displayName ?? entry.primaryCounselor.rawValue,
                sessions: sessions[entry.id] ?? [], program: data.program, today: today,
                overdueNotes: overdueCount[entry.id] ?? 0)
        }
        let all = data.roster.map(row)
        self.discharged = discharged.map(row)
        supervision = Supervision(
            roster: data.roster, sessions: data.sessions, staff: Array(data.staff.values), settings: data.program, now: now)
        rows = all.filter(\.entry.isInCare)
        dischargedWithOpenFlags = all.filter { !$0.entry.isInCare }
        rowIndex = Dictionary(rows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func row(_ id: ParticipantID) -> RosterRow? { rowIndex[id].map { rows[$0] } }
}
