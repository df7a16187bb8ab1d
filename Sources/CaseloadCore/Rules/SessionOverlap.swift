import Foundation

extension Session {
    /// Whether `other`, a different session, runs at some moment this one does.
    func overlaps(_ other: Session, in timeZone: TimeZone) -> Bool {
        other.id != id && startsAt(in: timeZone) < other.endsAt(in: timeZone)
            && other.startsAt(in: timeZone) < endsAt(in: timeZone)
    }

    /// Whether `participant` attended: someone marked absent was not in the room, so their
    /// place on the list never clashes with another session.
    func attended(by participant: ParticipantID) -> Bool {
        member(participant)?.attendance.status.attended ?? false
    }

    /// Refuses a participant who attended both this session and an overlapping one in
    /// `others`: one person cannot receive two services at once unless they were pulled out.
    func checkNoParticipantOverlap(with others: [Session], in timeZone: TimeZone) throws(DomainError) {
        for member in members { try checkNoOverlap(of: member.participant, with: others, in: timeZone) }
    }

    /// Refuses `participant` when they attended this session and an overlapping one in `others`.
    func checkNoOverlap(of participant: ParticipantID, with others: [Session], in timeZone: TimeZone) throws(DomainError) {
        guard attended(by: participant) else { return }
        if let other = others.first(where: { overlaps($0, in: timeZone) && $0.attended(by: participant) }) {
            throw .participantInOverlappingSession(participant, other: other.id)
        }
    }

    /// Facilitators who also lead an overlapping session in `others`.
    func doubleBookedFacilitators(among others: [Session], in timeZone: TimeZone) -> [Warning] {
        facilitators.flatMap { staff in
            others.filter { overlaps($0, in: timeZone) && $0.facilitators.contains(staff) }
                .map { Warning.facilitatorDoubleBooked(staff, other: $0.id) }
        }
    }
}
