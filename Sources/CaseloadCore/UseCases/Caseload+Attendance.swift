import Foundation

extension Caseload {
    /// Changes one member's attendance, as recording the session would have it (present is the
    /// whole session; late and left early give the minutes attended; an absence none); a
    /// facilitator changes it. A member whose note is signed keeps the attendance it was signed
    /// with: a correction is an addendum. Marking someone as attending is refused while they were
    /// in an overlapping session, unless `allowOverlap` marks a pull-out. Only the session's own
    /// file changes; no note does.
    public func setAttendance(
        in sessionID: SessionID, for participant: ParticipantID, status: AttendanceStatus, minutes: Int? = nil,
        allowOverlap: Bool = false, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        let timeZone = try program().timeZone
        return try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            var session = try sessionForChange(sessionID, touching: [.note(participant)])
            try rule { () throws(DomainError) in
                try Permissions.check(.changeAttendance, by: staff, in: session)
                try refuseControls(participant.rawValue, "The participant id")
                guard let index = session.members.firstIndex(where: { $0.participant == participant }) else {
                    throw .notAMember(participant, session.id)
                }
                if session.members[index].note?.isSigned == true { throw .attendanceOfSignedNote(participant) }
                let changed = try AttendanceRequest(participant, status, minutes: minutes).member(inSessionOf: session.durationMinutes)
                session.members[index].attendance = changed.attendance
            }
            if !allowOverlap { try checkNoOverlap(of: participant, in: session, timeZone: timeZone) }
            return try saved(holding: lock, session, changing: [.session], .attendanceEdit, by: staff)
        }
    }

    /// Adds a participant to a group or family session after it was recorded (someone who arrived
    /// late, say), even once the other members' notes are signed: theirs, and their signatures,
    /// stay as they are. The same rules as recording it: within the participant's stay from start
    /// to end, not in an overlapping session unless `allowOverlap`, and in a family session a
    /// current consent to every support member present. A facilitator adds them.
    public func addMember(
        to sessionID: SessionID, _ attendance: AttendanceRequest, allowOverlap: Bool = false, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Session> {
        let timeZone = try program().timeZone
        let today = try today()
        return try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            var session = try sessionForChange(sessionID, touching: [])
            try rule { () throws(DomainError) in
                try Permissions.check(.addMember, by: staff, in: session)
                guard session.kind != .individual else { throw .individualSessionHasOneParticipant(session.members.count + 1) }
                guard session.member(attendance.participant) == nil else {
                    throw .alreadyAMember(attendance.participant, session.id)
                }
            }
            let newcomer = try loadParticipant(attendance.participant)
            try rule { () throws(DomainError) in
                try newcomer.checkDuringStay(session.date, .attendance, today: today)
                try newcomer.checkAttendanceEndsInStay(began: session.date, lastDay: session.lastDay(in: timeZone))
                session.members.append(try attendance.member(inSessionOf: session.durationMinutes))
            }
            if session.kind == .family {
                var participants: [Participant] = []
                for member in session.members { participants.append(try loadParticipant(member.participant)) }
                session.supportMembersPresent = try rule { () throws(DomainError) in
                    try FamilyConsent.admitting(newcomer, to: session, participants: participants)
                }
            }
            if !allowOverlap { try checkNoOverlap(of: attendance.participant, in: session, timeZone: timeZone) }
            return try saved(holding: lock, session, changing: [.session], .sessionAddMember, by: staff)
        }
    }

    /// Refuses `participant` attending `session` while they attended an overlapping one.
    private func checkNoOverlap(of participant: ParticipantID, in session: Session, timeZone: TimeZone) throws(CaseloadError) {
        // A session may run past midnight, so the day before can hold one that overlaps.
        let nearby = store.sessions(from: session.date.adding(days: -1), through: session.date).records
        try rule { () throws(DomainError) in try session.checkNoOverlap(of: participant, with: nearby, in: timeZone) }
    }
}
