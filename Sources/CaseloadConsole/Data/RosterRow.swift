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
    /// The sort name folded, so "Ávila" sorts with the A's.
    let sortKey: String
    /// This week so far: progress, not a verdict (on a Monday morning everyone is short).
    let hours: WeeklyHours
    /// The last complete week, the one the requirement is judged on; nothing is required of
    /// someone admitted after it began.
    let lastWeekHours: WeeklyHours
    let checkIn: CheckInSchedule
    let overdueNotes: Int
    /// Only the measures that got worse by a clinically meaningful amount.
    let worsening: [ScoreChange]

    var id: ParticipantID { entry.id }
    var hasOpenSafetyFlag: Bool { !entry.openSafetyFlags.isEmpty }

    init(entry: RosterEntry, counselorName: String, attendedMinutes: Int, lastWeekMinutes: Int,
         program: ProgramSettings, today: LocalDate, overdueNotes: Int) {
        self.entry = entry
        let preferred = entry.preferredName.flatMap { $0 == entry.firstName || $0.isEmpty ? nil : $0 }
        name = preferred.map { "\(entry.sortName) (\($0))" } ?? entry.sortName
        self.counselorName = counselorName
        searchKey = SearchKey([entry.sortName, entry.preferredName ?? "", entry.id.rawValue, counselorName]
            .joined(separator: " "))
        sortKey = SearchKey.fold(entry.sortName)
        hours = WeeklyHours(week: today.isoWeek, attendedMinutes: attendedMinutes,
                            requiredHours: program.requiredHours(for: entry.levelOfCare))
        let lastWeek = today.adding(days: -7).isoWeek
        lastWeekHours = WeeklyHours(
            week: lastWeek, attendedMinutes: lastWeekMinutes,
            requiredHours: entry.admissionDate > lastWeek.monday ? 0 : program.requiredHours(for: entry.levelOfCare))
        checkIn = CheckInSchedule(admission: entry.admissionDate, lastCheckIn: entry.latestCheckIn?.date,
                                  cadenceDays: program.checkInCadenceDays)
        self.overdueNotes = overdueNotes
        worsening = RosterRow.changes(entry).filter { $0.trend == .worsening }
    }

    /// Baseline-to-latest change of each measure both check-ins answered.
    static func changes(_ entry: RosterEntry) -> [ScoreChange] {
        guard let baseline = entry.baselineCheckIn, let latest = entry.latestCheckIn,
              baseline.id != latest.id else { return [] }
        var changes: [ScoreChange] = []
        if let first = baseline.phq9Total, let last = latest.phq9Total {
            changes.append(ScoreChange(instrument: .phq9, baseline: first, latest: last))
        }
        if let first = baseline.gad7Total, let last = latest.gad7Total {
            changes.append(ScoreChange(instrument: .gad7, baseline: first, latest: last))
        }
        return changes
    }

    func isCheckInOverdue(on today: LocalDate) -> Bool { checkIn.isOverdue(on: today) }
}
