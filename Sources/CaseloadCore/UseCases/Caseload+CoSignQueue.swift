/// A signed note waiting for a supervisor's co-signature.
public struct CoSignRequest: Sendable, Equatable {
    public let session: SessionID
    public let date: LocalDate
    public let kind: SessionKind
    public let participant: ParticipantID
    /// Who signed it and when.
    public let signature: Signature

    /// The signed notes in `sessions` with no co-signature that `staff` may co-sign (the
    /// co-signature rule), oldest signature first: the queue the CLI and the Dashboard show.
    public static func waiting(in sessions: [Session], for staff: Staff) -> [CoSignRequest] {
        var queue: [CoSignRequest] = []
        for session in sessions {
            for member in session.members {
                guard let note = member.note, let signature = note.signature, note.coSignature == nil,
                    Permissions.allowsCoSignature(of: note, by: staff)
                else { continue }
                queue.append(CoSignRequest(
                    session: session.id, date: session.date, kind: session.kind, participant: member.participant,
                    signature: signature))
            }
        }
        return queue.sorted { ($0.signature.at, $0.session, $0.participant) < ($1.signature.at, $1.session, $1.participant) }
    }
}

extension Caseload {
    /// The signed notes of sessions dated `first` through `last` that have no co-signature yet and
    /// that `supervisor` may co-sign (not one they wrote, signed or wrote the narrative of),
    /// oldest signature first. Only a supervisor has a queue; unreadable session files are named
    /// in `damaged`.
    public func coSignQueue(for supervisor: StaffID, from first: LocalDate, through last: LocalDate)
        throws(CaseloadError) -> Loaded<CoSignRequest>
    {
        let staff = try permitted(.coSignNote, supervisor)
        let sessions = store.sessions(from: first, through: last)
        return Loaded(records: CoSignRequest.waiting(in: sessions.records, for: staff), damaged: sessions.damaged)
    }
}
