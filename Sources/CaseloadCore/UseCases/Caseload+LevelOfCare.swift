extension Caseload {
    /// Steps a participant down or up. The change may be scheduled ahead, up to
    /// `LevelOfCareChange.schedulingHorizonDays` (it takes effect on its date). A new decision
    /// replaces the scheduled changes dated on or after it, which the outcome names; a change
    /// already in force cannot be preceded.
    public func transition(
        _ id: ParticipantID, to level: LevelOfCare, on date: LocalDate, reason: String, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.transition, actor)
            var participant = try loadParticipant(id)
            let today = try today()
            let replaced = try rule { () throws(DomainError) in
                let latest = today.adding(days: LevelOfCareChange.schedulingHorizonDays)
                guard date <= latest else { throw .transitionTooFarAhead(date, latest: latest) }
                // Only what has not yet taken effect can give way; the rest must stay before it.
                let replaced = participant.withdrawLevelChanges(effectiveAfter: max(today, date.adding(days: -1)))
                try participant.changeLevelOfCare(
                    to: level, on: date, reason: try requiredText(reason, "The reason for the change"), by: staff.id)
                return replaced
            }
            let warnings = replaced.map { Warning.scheduledLevelChangeReplaced($0.level, effective: $0.effective) }
            return try saved(holding: lock, participant, .participantTransition, by: staff, warnings: warnings)
        }
    }
}
