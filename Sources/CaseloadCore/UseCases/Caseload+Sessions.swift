import Foundation

extension Caseload {
    /// Records a session that has ended, led by active counselors or supervisors, within every
    /// member's stay from start to end. A participant cannot attend two overlapping sessions unless
    /// the request allows a pull-out; a facilitator leading two at once is only warned about. A
    /// family session admits support members only with every participant's current consent.
    public func recordSession(_ request: SessionRequest, by actor: StaffID) throws(CaseloadError) -> Outcome<Session> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.recordSession, actor)
            let program = try program()
            let timeZone = program.timeZone
            let today = try today()
            let facilitators = try (request.facilitators.isEmpty ? [staff.id] : request.facilitators).map(facilitator)
            let topic = try rule { () throws(DomainError) in
                let topic = try program.sessionTopic(request.topic, for: request.kind)
                guard Session.durationRange.contains(request.minutes) else { throw .durationOutOfRange(request.minutes) }
                try request.checkOver(at: clock.now(), in: timeZone)
                return topic
            }
            var participants: [Participant] = []
            for member in request.members {
                let participant = try loadParticipant(member.participant)
                try rule { () throws(DomainError) in
                    try participant.checkDuringStay(request.date, .attendance, today: today)
                    try participant.checkAttendanceEndsInStay(began: request.date, lastDay: request.lastDay(in: timeZone))
                }
                participants.append(participant)
            }
            let id = try stored { () throws(StoreError) in try store.newSessionID(date: request.date, time: request.start) }
            var session = try rule { () throws(DomainError) in
                try Session(
                    id: id, kind: request.kind, date: request.date, startTime: request.start,
                    durationMinutes: request.minutes, facilitators: facilitators, topic: topic,
                    members: request.members.map { member throws(DomainError) in
                        try member.member(inSessionOf: request.minutes)
                    },
                    revision: Revision(createdAt: clock.now(), createdBy: staff.id))
            }
            session.supportMembersPresent = try rule { () throws(DomainError) in
                try FamilyConsent.supportMembersPresent(
                    request.supportMembers, kind: request.kind, participants: participants, on: request.date)
            }
            // A session may run past midnight, so the day before can hold one that overlaps.
            let nearby = store.sessions(from: request.date.adding(days: -1), through: request.date).records
            if !request.allowOverlap {
                try rule { () throws(DomainError) in try session.checkNoParticipantOverlap(with: nearby, in: timeZone) }
            }
            let warnings = session.doubleBookedFacilitators(among: nearby, in: timeZone)
            return try added(holding: lock, session, .sessionAdd, by: staff, warnings: warnings)
        }
    }

    /// A facilitator: an active counselor or supervisor on the staff list.
    private func facilitator(_ id: StaffID) throws(CaseloadError) -> StaffID {
        try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The facilitator's id") }
        let member: Staff
        do {
            member = try store.staffMember(id)
        } catch .recordNotFound, .invalidRecordID {
            throw .refused(.unknownFacilitator(id))
        } catch {
            throw .store(error)
        }
        guard member.isActive else { throw .refused(.inactiveFacilitator(id)) }
        guard member.role != .admin else { throw .refused(.facilitatorRole(id, member.role)) }
        return member.id
    }
}
