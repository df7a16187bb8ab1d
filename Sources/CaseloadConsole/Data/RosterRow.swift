import CaseloadCore
import Foundation

/// One roster line with everything the roster shows, sorts and filters by, computed once when
/// data loads so neither filtering nor drawing does any of this work per keystroke or frame.
struct RosterRow: Sendable, Equatable {
    let entry: RosterEntry
    /// "Núñez, José (Pepe)": the sort name, with the preferred name when it differs.
    let name: String
    let counselorName: String
    /// Name, preferred name, id and counselor, folded for `/`.
    let searchKey: SearchKey
    /// `NameOrder.sortKey`: "Ávila" sorts with the A's, "de la Cruz" beside "Dela Cruz", as the CLI's lists.
    let sortKey: String
    /// In force today, so a step-down recorded for next Monday shows from next Monday.
    let levelOfCare: LevelOfCare
    /// This week so far: progress, not a verdict (on a Monday morning everyone is short).
    let hours: WeeklyHours
    /// The last complete week, the one the requirement is judged on.
    let lastWeekHours: WeeklyHours
    let checkIn: CheckInSchedule
    let overdueNotes: Int
    /// Only the measures that got worse by a clinically meaningful amount.
    let worsening: [ScoreChange]

    var id: ParticipantID { entry.id }
    var hasOpenSafetyFlag: Bool { !entry.openSafetyFlags.isEmpty }

    /// `sessions`: at least this week's and last week's sessions the participant is on.
    init(entry: RosterEntry, counselorName: String, sessions: [Session], program: ProgramSettings,
         today: LocalDate, overdueNotes: Int) {
        self.entry = entry
        let preferred = entry.preferredName.flatMap { $0 == entry.firstName || $0.isEmpty ? nil : $0 }
        name = preferred.map { "\(entry.sortName) (\($0))" } ?? entry.sortName
        self.counselorName = counselorName
        searchKey = SearchKey([entry.sortName, entry.preferredName ?? "", entry.id.rawValue, counselorName]
            .joined(separator: " "))
        sortKey = entry.nameSortKey
        levelOfCare = entry.levelOfCare(on: today)
        hours = ServiceHours.week(today.isoWeek, of: entry.id, care: entry.care, sessions: sessions, settings: program)
        lastWeekHours = ServiceHours.week(today.adding(days: -7).isoWeek, of: entry.id, care: entry.care,
                                          sessions: sessions, settings: program)
        checkIn = CheckInSchedule(admission: entry.admissionDate, lastQuestionnaire: entry.lastQuestionnaire,
                                  cadenceDays: program.checkInCadenceDays)
        self.overdueNotes = overdueNotes
        worsening = RosterRow.changes(entry).filter { $0.trend == .worsening }
    }

    /// Each measure's change from its own baseline to its latest score.
    static func changes(_ entry: RosterEntry) -> [ScoreChange] {
        Instrument.allCases.compactMap { entry.scores($0)?.change($0) }
    }

    func isCheckInOverdue(on today: LocalDate) -> Bool { checkIn.isOverdue(on: today) }
}
