import Foundation

/// One participant's current stay for a supervisor, a payer or the next program: scores over
/// time, hours per week against the level of care, the plan's objectives and every safety flag.
/// The same data for every format; the command line lays it out as text, JSON or CSV.
public struct ProgressReport: Codable, Sendable, Equatable {
    public var participant: ParticipantID
    public var name: String
    public var admission: LocalDate
    public var discharge: LocalDate?
    /// The level of care on the report's day (or on the discharge day).
    public var levelOfCare: LevelOfCare
    public var asOf: LocalDate
    /// Check-ins of the stay with a score or craving, oldest first.
    public var scores: [Scores]
    /// From the first score of the stay to the latest; nil until there are two.
    public var phq9Change: Change?
    public var gad7Change: Change?
    /// Every ISO week of the stay up to the report's day, oldest first.
    public var weeks: [Week]
    public var objectives: [Objective]
    /// Every flag of the stay, oldest first.
    public var flags: [Flag]

    public struct Scores: Codable, Sendable, Equatable {
        public var checkIn: CheckInID
        public var date: LocalDate
        public var phq9: Int?
        public var phq9Band: Severity?
        public var gad7: Int?
        public var gad7Band: Severity?
        public var craving: Int?
    }

    public struct Change: Codable, Sendable, Equatable {
        public var baseline: Int
        public var latest: Int
        /// Negative when symptoms eased.
        public var change: Int

        init?(_ change: ScoreChange?) {
            guard let change else { return nil }
            baseline = change.baseline
            latest = change.latest
            self.change = change.change
        }
    }

    public struct Week: Codable, Sendable, Equatable {
        /// "2026-W47".
        public var week: String
        public var monday: LocalDate
        /// The levels of care in force on its program days, in order: two in a week with a transition.
        public var levels: [LevelOfCare]
        public var attendedHours: Double
        public var excusedHours: Double
        /// Pro-rated for admission, discharge and a change of level during the week.
        public var requiredHours: Double
        public var metRequirement: Bool
        /// The week holds the report's day: its hours are not all in yet.
        public var inProgress: Bool
    }

    public struct Objective: Codable, Sendable, Equatable {
        public var id: String
        public var statement: String
        public var status: ObjectiveStatus
        public var targetDate: LocalDate
    }

    public struct Flag: Codable, Sendable, Equatable {
        public var checkIn: CheckInID
        public var date: LocalDate
        /// "PHQ-9 item 9 answered 2", "raised by hand by mgarcia".
        public var origin: String
        public var status: String
        public var riskLevel: RiskLevel?
        public var assessedBy: StaffID?
        public var actionsTaken: String?
        public var followUp: LocalDate?
        public var reviewedBy: StaffID?
        public var closedAt: Date?
    }

    /// The report of `participant`'s current stay as of `today`, from their check-ins and the
    /// sessions of the stay (others are ignored).
    public init(
        participant: Participant, checkIns: [CheckIn], sessions: [Session], settings: ProgramSettings, today: LocalDate
    ) {
        let care = participant.careTimeline
        let end = min(today, care.discharge ?? today)
        self.participant = participant.id
        name = participant.displayName
        admission = care.admission
        discharge = care.discharge
        levelOfCare = care.levelOfCare(on: end)
        asOf = today
        let stay = checkIns.filter { $0.date >= care.admission && $0.date <= end }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        scores = stay.filter { $0.phq9 != nil || $0.gad7 != nil || $0.craving != nil }.map {
            Scores(
                checkIn: $0.id, date: $0.date, phq9: $0.phq9?.total, phq9Band: $0.phq9?.severity, gad7: $0.gad7?.total,
                gad7Band: $0.gad7?.severity, craving: $0.craving)
        }
        phq9Change = Change(ScoreBaseline.sinceAdmission(.phq9, in: stay, admission: care.admission)?.change(.phq9))
        gad7Change = Change(ScoreBaseline.sinceAdmission(.gad7, in: stay, admission: care.admission)?.change(.gad7))
        var weeks: [Week] = []
        var monday = care.admission.isoWeek.monday
        while monday <= end {
            let week = monday.isoWeek
            let hours = ServiceHours.week(week, of: participant.id, care: care, sessions: sessions, settings: settings)
            weeks.append(
                Week(
                    week: week.description, monday: monday, levels: care.levelsOfCare(in: week),
                    attendedHours: hours.attendedHours, excusedHours: hours.excusedHours,
                    requiredHours: hours.requiredHours, metRequirement: hours.meetsRequirement,
                    inProgress: monday.adding(days: 6) >= today && care.discharge.map { $0 >= today } ?? true))
            monday = monday.adding(days: 7)
        }
        self.weeks = weeks
        objectives = participant.treatmentPlan.objectives.map {
            Objective(id: $0.id, statement: $0.statement, status: $0.status, targetDate: $0.targetDate)
        }
        flags = stay.compactMap { checkIn in
            checkIn.safetyFlag.map { flag in
                Flag(
                    checkIn: checkIn.id, date: checkIn.date, origin: flag.origin, status: flag.status.rawValue,
                    riskLevel: flag.assessment?.riskLevel, assessedBy: flag.assessment?.by ?? flag.acknowledgement?.by,
                    actionsTaken: flag.assessment?.actionsTaken ?? flag.acknowledgement?.action,
                    followUp: flag.assessment?.followUp, reviewedBy: flag.review?.by, closedAt: flag.closedAt)
            }
        }
    }
}
