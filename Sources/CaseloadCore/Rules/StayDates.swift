/// Things that carry a date, as refusals about dates name them.
public enum DatedEvent: String, Sendable, Equatable {
    case checkIn = "A check-in"
    case safetyFlag = "A safety flag"
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
    /// Refuses `date` for `event` when it is after `today` or outside every stay, current or
    /// earlier: care documented late for a stay before a readmission still belongs to that stay,
    /// but nothing is recorded before the first admission, between stays or after discharge.
    public func checkDuringStay(_ date: LocalDate, _ event: DatedEvent, today: LocalDate) throws(DomainError) {
        try checkNotFuture(date, event, today: today)
        let stays = previousEpisodes.map { ($0.admissionDate, $0.discharge.date) }
        guard date < admissionDate, let earliest = stays.first?.0 else {
            return try checkDuringCurrentStay(date, event, today: today)
        }
        guard date >= earliest else { throw .dateBeforeAdmission(event, date, participant: id, admission: earliest) }
        if stays.contains(where: { $0.0 <= date && date <= $0.1 }) { return }
        // Between two stays: name the discharge before the date and the readmission after it.
        let discharged = stays.map(\.1).last { $0 < date }!
        let readmitted = (stays.map(\.0) + [admissionDate]).first { $0 > date }!
        throw .dateBetweenStays(event, date, participant: id, discharged: discharged, readmitted: readmitted)
    }

    /// Refuses `date` for `event` when it is after `today` or outside the current stay: a
    /// discharge or a plan review belongs to this stay alone.
    public func checkDuringCurrentStay(_ date: LocalDate, _ event: DatedEvent, today: LocalDate) throws(DomainError) {
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

extension LocalDate {
    /// Whether `later` falls more than a calendar year after this day (2026-03-01 → 2027-03-02).
    func isMoreThanAYear(before later: LocalDate) -> Bool {
        (year + 1, month, day) < (later.year, later.month, later.day)
    }
}
