extension Caseload {
    /// Readmits a discharged participant: a new stay starts on `date` and the finished one is kept
    /// whole among the participant's previous episodes, with a new plan whose first review falls
    /// the program's interval after readmission.
    public func readmit(
        _ id: ParticipantID, on date: LocalDate, to level: LevelOfCare, reason: String, by actor: StaffID
    ) throws(CaseloadError) -> Outcome<Participant> {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.readmit, actor)
            var participant = try loadParticipant(id)
            let today = try today()
            let reviewEvery = try program().planReviewDays
            try rule { () throws(DomainError) in
                try checkNotFuture(date, .readmission, today: today)
                try participant.readmit(on: date, to: level, reason: reason, by: staff.id)
            }
            participant.treatmentPlan.scheduleFirstReview(everyDays: reviewEvery)
            return try saved(holding: lock, participant, .participantReadmit, by: staff)
        }
    }
}
