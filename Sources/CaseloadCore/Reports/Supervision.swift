import Foundation

/// What a supervisor's dashboard counts from the roster index and the recent sessions: a line per
/// counselor, who missed two or more sessions in a row, whose plan review is overdue, and whose
/// high-risk assessment waits for review. The console's figures, computed here so the rules live
/// in one place and are tested at their edges.
public struct Supervision: Sendable, Equatable {
    public var counselors: [CounselorLine]
    /// Participants in care whose latest two or more sessions were unexcused absences, most missed first.
    public var missedInARow: [MissedRun]
    /// Participants in care whose treatment plan review is overdue, longest overdue first.
    public var planReviewsOverdue: [PlanReviewDue]
    /// Participants (discharged ones included) with a high-risk assessment no supervisor has
    /// reviewed, by id: pinned at the top of the roster and the dashboard.
    public var awaitingReview: [ParticipantID]

    /// Runs this long or longer are listed.
    public static let missedRunListed = 2

    public struct CounselorLine: Sendable, Equatable {
        public var counselor: StaffID
        /// Participants in care with this primary counselor.
        public var caseload: Int
        /// Notes of sessions they led that are unsigned past due: theirs to write.
        public var notesOverdue: Int
        /// Their caseload's hours in the last complete ISO week (pro-rated for admission,
        /// discharge and a change of level during it).
        public var attendedHours: Double
        public var requiredHours: Double
        /// Open safety flags of their caseload, discharged participants' included.
        public var openFlags: Int
        public var planReviewsOverdue: Int

        /// Attended over required hours, in percent; nil when nothing was required.
        public var attendanceRate: Int? {
            requiredHours > 0 ? Int((attendedHours / requiredHours * 100).rounded()) : nil
        }
    }

    public struct PlanReviewDue: Sendable, Equatable {
        public var participant: ParticipantID
        public var due: LocalDate
    }

    /// `roster`: the index's entries (in care, and discharged with a flag open); `sessions`: the
    /// recent sessions (at least last week's and this week's); `staff`: everyone on the staff list.
    public init(roster: [RosterEntry], sessions: [Session], staff: [Staff], settings: ProgramSettings, now: Date) {
        let today = LocalDate(now, in: settings.timeZone)
        let lastWeek = today.adding(days: -7).isoWeek
        let inCare = roster.filter(\.isInCare)
        var byParticipant: [ParticipantID: [Session]] = [:]
        for session in sessions {
            for member in session.members { byParticipant[member.participant, default: []].append(session) }
        }
        let overdue = NoteDeadline.overdue(in: sessions, settings: settings, now: now)
        let facilitators = Dictionary(sessions.map { ($0.id, $0.facilitators) }, uniquingKeysWith: { first, _ in first })
        // Every active clinician has a line, empty caseload or not; so does anyone still primary
        // counselor of someone in care (a deactivated counselor's caseload needs reassigning).
        let clinicians = staff.filter { $0.isActive && $0.role != .admin }.map(\.id)
        let counselorIDs = Set(clinicians + inCare.map(\.primaryCounselor)).sorted()
        counselors = counselorIDs.map { counselor in
            let caseload = inCare.filter { $0.primaryCounselor == counselor }
            let hours = caseload.map {
                ServiceHours.week(lastWeek, of: $0.id, care: $0.care, sessions: byParticipant[$0.id] ?? [], settings: settings)
            }
            return CounselorLine(
                counselor: counselor, caseload: caseload.count,
                notesOverdue: overdue.filter { facilitators[$0.session]?.contains(counselor) ?? false }.count,
                attendedHours: hours.reduce(0) { $0 + $1.attendedHours },
                requiredHours: hours.reduce(0) { $0 + $1.requiredHours },
                openFlags: roster.filter { $0.primaryCounselor == counselor }.reduce(0) { $0 + $1.openSafetyFlags.count },
                planReviewsOverdue: caseload.filter { $0.isPlanReviewOverdue(on: today) }.count)
        }
        missedInARow = inCare.compactMap { MissedRun.latest(of: $0.id, in: byParticipant[$0.id] ?? []) }
            .filter { $0.missed >= Self.missedRunListed }
            .sorted { ($1.missed, $0.participant) < ($0.missed, $1.participant) }
        planReviewsOverdue = inCare.filter { $0.isPlanReviewOverdue(on: today) }
            .compactMap { entry in entry.planReviewDue.map { PlanReviewDue(participant: entry.id, due: $0) } }
            .sorted { ($0.due, $0.participant) < ($1.due, $1.participant) }
        awaitingReview = roster.filter(\.isAwaitingReview).map(\.id).sorted()
    }
}
