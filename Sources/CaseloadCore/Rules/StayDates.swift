/// Things that carry a date, as refusals about dates name them.
public enum DatedEvent: String, Sendable, Equatable {
    case checkIn = "A check-in"
    case session = "A session"
    case attendance = "Attendance"
    case signature = "A signature"
    case admission = "An admission"
    case discharge = "A discharge"
    case transition = "A level-of-care change"
    case consent = "A consent"
    case planReview = "A plan review"
    case readmission = "A readmission"
    case revocation = "A revocation"
}

extension Participant {
    /// Refuses `date` for `event` when it is after `today`, before admission or after discharge:
    /// nothing is recorded outside the stay it belongs to.
    public func checkDuringStay(_ date: LocalDate, _ event: DatedEvent, today: LocalDate) throws(DomainError) {
        try checkNotFuture(date, event, today: today)
        guard date >= admissionDate else {
            throw .dateBeforeAdmission(event, date, participant: id, admission: admissionDate)
        }
        if let discharge, date > discharge.date {
            throw .dateAfterDischarge(event, date, participant: id, discharge: discharge.date)
        }
    }
}

/// Refuses a date after `today` for anything that records what happened.
public func checkNotFuture(_ date: LocalDate, _ event: DatedEvent, today: LocalDate) throws(DomainError) {
    guard date <= today else { throw .dateInFuture(event, date, today: today) }
}
