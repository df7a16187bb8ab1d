import Foundation

/// One ISO week of the program for a supervisor or a board: census by level of care, admissions
/// and discharges, hours attended against required, the average PHQ-9 and GAD-7 change since
/// admission, safety flags opened and closed, and notes signed late; for the program and for
/// each primary counselor's caseload. Counts only, never a participant's name or id.
public struct ProgramReport: Codable, Sendable, Equatable {
    public var program: String
    /// "2026-W47".
    public var week: String
    public var monday: LocalDate
    public var sunday: LocalDate
    /// The day the census is taken: the week's Sunday, or today while the week is still going.
    public var censusDay: LocalDate
    /// The whole program.
    public var all: Figures
    /// Each primary counselor's caseload, by staff id.
    public var counselors: [CounselorFigures]

    public struct Figures: Codable, Sendable, Equatable {
        /// In care on the census day (admitted on or before it, not discharged before or on it).
        public var census: Int
        /// Every level, in order, with how many of the census are in it on the census day.
        public var censusByLevel: [LevelCount]
        /// Stays that began, and ended, during the week.
        public var admissions: Int
        public var discharges: Int
        /// Everyone whose current stay overlaps the week; required hours pro-rated by day.
        public var attendedHours: Double
        public var requiredHours: Double
        /// Over the census with two scores by the census day; nil when nobody has two.
        public var phq9Change: AverageChange?
        public var gad7Change: AverageChange?
        /// Raised on a day of the week; closed (assessed, reviewed) on a day of the week, in the
        /// program's time zone. A flag raised and closed in the same week counts in both.
        public var flagsOpened: Int
        public var flagsClosed: Int
        /// Notes of the week's sessions signed after they were due, and those still unsigned past due.
        public var notesSignedLate: Int
        public var notesOverdue: Int
    }

    public struct LevelCount: Codable, Sendable, Equatable {
        public var level: LevelOfCare
        public var count: Int
    }

    public struct AverageChange: Codable, Sendable, Equatable {
        /// From each participant's first score of the stay to their latest; negative is better.
        public var average: Double
        public var participants: Int
    }

    public struct CounselorFigures: Codable, Sendable, Equatable {
        public var counselor: StaffID
        public var figures: Figures
    }

    /// The report of `week`: `participants` with their `checkIns` (any dates), the sessions of
    /// the week (others are ignored), as of `now`.
    public init(
        week: ISOWeek, participants: [Participant], checkIns: [CheckIn], sessions: [Session], settings: ProgramSettings,
        now: Date
    ) {
        let today = LocalDate(now, in: settings.timeZone)
        let monday = week.monday
        let sunday = monday.adding(days: 6)
        let censusDay = min(sunday, today)
        program = settings.name
        self.week = week.description
        self.monday = monday
        self.sunday = sunday
        self.censusDay = censusDay
        let weekSessions = sessions.filter { $0.date.isoWeek == week }
        let facts = WeekFacts(
            week: week, days: monday...sunday, censusDay: censusDay, checkIns: Dictionary(grouping: checkIns, by: \.participant),
            sessions: weekSessions, overdue: NoteDeadline.overdue(in: weekSessions, settings: settings, now: now),
            settings: settings)
        all = facts.figures(participants)
        counselors = Dictionary(grouping: participants, by: \.primaryCounselor)
            .map { CounselorFigures(counselor: $0.key, figures: facts.figures($0.value)) }
            .filter { $0.figures != .nothing }
            .sorted { $0.counselor < $1.counselor }
    }
}

extension ProgramReport.Figures {
    /// A caseload with nothing in the week, left out of the per-counselor lines.
    static let nothing = ProgramReport.Figures(
        census: 0, censusByLevel: LevelOfCare.allCases.map { .init(level: $0, count: 0) }, admissions: 0, discharges: 0,
        attendedHours: 0, requiredHours: 0, phq9Change: nil, gad7Change: nil, flagsOpened: 0, flagsClosed: 0,
        notesSignedLate: 0, notesOverdue: 0)
}

/// What every group's figures are counted from.
private struct WeekFacts {
    let week: ISOWeek
    let days: ClosedRange<LocalDate>
    let censusDay: LocalDate
    let checkIns: [ParticipantID: [CheckIn]]
    let sessions: [Session]
    /// The week's notes still unsigned past their due time.
    let overdue: [OverdueNote]
    let settings: ProgramSettings

    func figures(_ participants: [Participant]) -> ProgramReport.Figures {
        let ids = Set(participants.map(\.id))
        let census = participants.filter { inCare($0.careTimeline, on: censusDay) }
        let overlapping = participants.filter { care in
            let stay = care.careTimeline
            return stay.admission <= days.upperBound && (stay.discharge.map { $0 >= days.lowerBound } ?? true)
        }
        let hours = overlapping.map {
            ServiceHours.week(week, of: $0.id, care: $0.careTimeline, sessions: sessions, settings: settings)
        }
        // Every stay counts, earlier ones included: a discharge and a readmission in one week are both news.
        let stays = participants.flatMap { p in
            [(p.admissionDate, p.discharge?.date)] + p.previousEpisodes.map { ($0.admissionDate, Optional($0.discharge.date)) }
        }
        let flags = participants.flatMap { checkIns[$0.id] ?? [] }.compactMap { c in c.safetyFlag.map { (c.date, $0) } }
        let notes = sessions.flatMap { session in
            session.members.filter { ids.contains($0.participant) }.map { (session, $0) }
        }
        return ProgramReport.Figures(
            census: census.count,
            censusByLevel: LevelOfCare.allCases.map { level in
                .init(level: level, count: census.filter { $0.levelOfCare(on: censusDay) == level }.count)
            },
            admissions: stays.filter { days.contains($0.0) }.count,
            discharges: stays.filter { $0.1.map(days.contains) ?? false }.count,
            attendedHours: hours.reduce(0) { $0 + $1.attendedHours },
            requiredHours: hours.reduce(0) { $0 + $1.requiredHours },
            phq9Change: averageChange(.phq9, census), gad7Change: averageChange(.gad7, census),
            flagsOpened: flags.filter { days.contains($0.0) }.count,
            flagsClosed: flags.filter { $0.1.closedAt.map { days.contains(LocalDate($0, in: settings.timeZone)) } ?? false }.count,
            notesSignedLate: notes.filter { session, member in
                member.note?.signature.map { $0.at > NoteDeadline.dueAt(session, settings: settings) } ?? false
            }.count,
            notesOverdue: overdue.filter { ids.contains($0.participant) }.count)
    }

    /// In care on `day`: admitted on or before it and not discharged on or before it.
    private func inCare(_ care: CareTimeline, on day: LocalDate) -> Bool {
        care.admission <= day && (care.discharge.map { $0 > day } ?? true)
    }

    private func averageChange(_ instrument: Instrument, _ census: [Participant]) -> ProgramReport.AverageChange? {
        let changes = census.compactMap { participant in
            let taken = (checkIns[participant.id] ?? []).filter { $0.date <= censusDay }
            return ScoreBaseline.sinceAdmission(instrument, in: taken, admission: participant.admissionDate)?.change(instrument)?.change
        }
        guard !changes.isEmpty else { return nil }
        return .init(average: Double(changes.reduce(0, +)) / Double(changes.count), participants: changes.count)
    }
}
