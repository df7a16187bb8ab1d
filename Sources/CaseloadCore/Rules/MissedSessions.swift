/// Unexcused absences in a row, the latest sessions first: a participant who stops coming is
/// worth a call before the third one. An excused absence or any attendance ends the run.
public struct MissedRun: Sendable, Equatable {
    public var participant: ParticipantID
    /// How many of the participant's latest sessions in a row were unexcused absences.
    public var missed: Int
    /// The first and the latest session of the run.
    public var since: LocalDate
    public var latest: LocalDate

    /// The run that ends at `participant`'s latest session in `sessions` (any order; others'
    /// sessions are ignored), or nil when that session was not an unexcused absence. Only
    /// `sessions` are seen: a run that began before them counts from the first one given.
    public static func latest(of participant: ParticipantID, in sessions: [Session]) -> MissedRun? {
        let theirs = sessions.compactMap { session in
            session.member(participant).map { (session.date, session.startTime, session.id, $0.attendance.status) }
        }.sorted { ($0.0, $0.1, $0.2) > ($1.0, $1.1, $1.2) }
        let run = theirs.prefix { $0.3 == .unexcused }
        guard let latest = run.first, let first = run.last else { return nil }
        return MissedRun(participant: participant, missed: run.count, since: first.0, latest: latest.0)
    }
}
