extension Caseload {
    /// Steps a participant down or up. The change may be scheduled ahead (it takes effect on its
    /// date) but never slipped in before the level already decided.
    public func transition(
        _ id: ParticipantID, to level: LevelOfCare, on date: LocalDate, reason: String, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try actingStaff(actor)
            try rule { () throws(DomainError) in try Permissions.check(.transition, by: staff) }
            var participant = try loadParticipant(id)
            try rule { () throws(DomainError) in
                try participant.changeLevelOfCare(
                    to: level, on: date, reason: try requiredText(reason, "The reason for the change"), by: staff.id)
            }
            return try saved(holding: lock, participant, .participantTransition, by: staff)
        }
    }
}
