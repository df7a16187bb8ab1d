import CaseloadCore
import Foundation

/// What the console derives from a `ConsoleData` snapshot for one day: roster rows and the
/// unsigned notes. Rebuilt only when data loads or the clock moves.
struct CaseloadFacts: Sendable, Equatable {
    let rows: [RosterRow]
    let rowIndex: [ParticipantID: Int]
    /// Notes past their due time, oldest session first.
    let overdueNotes: [OverdueNote]

    init(data: ConsoleData, today: LocalDate, now: Date) {
        let week = today.isoWeek
        let lastWeek = today.adding(days: -7).isoWeek
        var minutes: [ParticipantID: Int] = [:]
        var lastWeekMinutes: [ParticipantID: Int] = [:]
        for session in data.sessions {
            let sessionWeek = session.date.isoWeek
            guard sessionWeek == week || sessionWeek == lastWeek else { continue }
            for member in session.members {
                if sessionWeek == week {
                    minutes[member.participant, default: 0] += member.attendance.countedMinutes
                } else {
                    lastWeekMinutes[member.participant, default: 0] += member.attendance.countedMinutes
                }
            }
        }
        overdueNotes = NoteDeadline.overdue(in: data.sessions, settings: data.program, now: now)
            .sorted { ($0.dueAt, $0.participant) < ($1.dueAt, $1.participant) }
        var overdueCount: [ParticipantID: Int] = [:]
        for note in overdueNotes { overdueCount[note.participant, default: 0] += 1 }
        rows = data.roster.map { entry in
            RosterRow(
                entry: entry, counselorName: data.staff[entry.primaryCounselor]?.displayName ?? entry.primaryCounselor.rawValue,
                attendedMinutes: minutes[entry.id] ?? 0, lastWeekMinutes: lastWeekMinutes[entry.id] ?? 0,
                program: data.program, today: today,
                overdueNotes: overdueCount[entry.id] ?? 0)
        }
        rowIndex = Dictionary(rows.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func row(_ id: ParticipantID) -> RosterRow? { rowIndex[id].map { rows[$0] } }
}
