extension Caseload {
    /// Admits a roster's rows, checked first and all under one hold of the write lock, so no
    /// admission by someone else can slip between the checks and the saves.
    ///
    /// Each row follows every admission rule, and also: nobody is admitted twice (a row with the
    /// name and date of birth of someone on file, or of an earlier row, is refused); an id the
    /// row carries is kept when it has the caseload's form and is free (rows with ids are saved
    /// first, the others then take the next free numbers); a discharged row gives status, date and
    /// type together, dated within its stay and not in the future; its discharge summary says
    /// it came from a roster, and the aftercare plan a discharge in Caseload needs was made
    /// elsewhere. `unreadable` are the rows a parser could not read, reported with the rest.
    /// With `.allOrNothing`, one bad row means nothing is written.
    public func importParticipants(
        _ rows: [ImportedParticipant], unreadable: [ImportProblem] = [], mode: ImportMode, by actor: StaffID
    ) throws(CaseloadError) -> ImportReport {
        try writing { lock throws(CaseloadError) in
            let staff = try permitted(.admit, actor)
            if rows.contains(where: { $0.discharge != nil }) {
                try rule { () throws(DomainError) in try Permissions.check(.discharge, by: staff) }
            }
            let today = try today()
            let reviewEvery = try program().planReviewDays
            let onFile = store.participants().records
            let staffList = store.staff().records
            var problems = unreadable
            var accepted: [(line: Int, participant: Participant, warnings: [Warning], keepsID: Bool)] = []
            var idLines: [ParticipantID: Int] = [:]
            for row in rows.sorted(by: { $0.line < $1.line }) {
                do throws(ImportRefusal) {
                    let participant = try importedParticipant(
                        row, by: staff, staffList: staffList, today: today, reviewEvery: reviewEvery)
                    if let id = row.id {
                        if onFile.contains(where: { $0.id == id }) { throw ImportRefusal(.id, .participantIDTaken(id)) }
                        if let line = idLines[id] { throw ImportRefusal(.id, .participantIDRepeated(id, line: line)) }
                        idLines[id] = row.line
                    }
                    if let namesake = onFile.filter({ $0.isNamesake(of: participant) }).map(\.id).min() {
                        throw ImportRefusal(nil, .namesakeOnFile(namesake))
                    }
                    if let earlier = accepted.first(where: { $0.participant.isNamesake(of: participant) }) {
                        throw ImportRefusal(nil, .namesakeInFile(line: earlier.line))
                    }
                    accepted.append((row.line, participant, Self.ageWarnings(participant), row.id != nil))
                } catch {
                    guard case .refused(let rule) = error.error else { throw error.error }
                    problems.append(ImportProblem(line: row.line, field: error.field, error: rule))
                }
            }
            // By line, a row's own problems in the order found.
            problems = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
            let writes = mode == .skippingBadRows || (mode == .allOrNothing && problems.isEmpty)
            guard writes else {
                return ImportReport(
                    accepted: accepted.map { .init(line: $0.line, participant: $0.participant, saved: false, warnings: $0.warnings) },
                    problems: problems, interruption: nil)
            }
            // Kept ids first, so a row numbered afterwards can never take one of them.
            var saved: [Int: Outcome<Participant>] = [:]
            var interruption: StoreError?
            for row in accepted.filter(\.keepsID) + accepted.filter({ !$0.keepsID }) {
                do throws(CaseloadError) {
                    saved[row.line] = row.keepsID
                        ? try added(holding: lock, row.participant, .participantAdd, by: staff, warnings: row.warnings)
                        : try addedParticipant(holding: lock, row.participant, by: staff, warnings: row.warnings)
                } catch {
                    // Only the store fails here: every rule was checked above.
                    guard case .store(let failure) = error else { throw error }
                    interruption = failure
                    break
                }
            }
            return ImportReport(
                accepted: accepted.map { row in
                    let outcome = saved[row.line]
                    return .init(
                        line: row.line, participant: outcome?.record ?? row.participant, saved: outcome != nil,
                        warnings: outcome?.warnings ?? row.warnings)
                },
                problems: problems, interruption: interruption)
        }
    }

    /// The participant one row admits, with its id, status and discharge, or the first rule it
    /// breaks and the field that breaks it.
    private func importedParticipant(
        _ row: ImportedParticipant, by staff: Staff, staffList: [Staff], today: LocalDate, reviewEvery: Int
    ) throws(ImportRefusal) -> Participant {
        var request = row.admission
        do throws(DomainError) {
            request.primaryCounselor = try Self.counselor(named: row.counselor, in: staffList)
        } catch {
            throw ImportRefusal(.primaryCounselor, error)
        }
        var participant: Participant
        do throws(AdmissionRefusal) {
            participant = try admission(request, by: staff, today: today, reviewEvery: reviewEvery)
        } catch {
            throw ImportRefusal(error.field, error.error)
        }
        if let id = row.id {
            guard let number = RecordIDs.participantNumber(id.rawValue), RecordIDs.participant(number: number) == id else {
                throw ImportRefusal(.id, .participantIDForm)
            }
            participant.id = id
        }
        switch (row.status, row.discharge) {
        case (.discharged, let discharge?):
            guard discharge.date >= participant.admissionDate else {
                throw ImportRefusal(.dischargeDate, .dischargeBeforeAdmission(discharge.date, admission: participant.admissionDate))
            }
            guard discharge.date <= today else {
                throw ImportRefusal(.dischargeDate, .dateInFuture(.discharge, discharge.date, today: today))
            }
            do throws(DomainError) {
                try participant.discharge(
                    Discharge(
                        date: discharge.date, type: discharge.type, summary: Self.importedDischargeSummary,
                        aftercare: AftercarePlan(), dischargedBy: staff.id))
            } catch {
                throw ImportRefusal(.status, error)
            }
        case (.discharged, nil):
            throw ImportRefusal(.dischargeDate, .dischargeIncomplete)
        case (_, .some):
            throw ImportRefusal(.status, .dischargeIncomplete)
        case (let status, nil):
            participant.status = status
        }
        return participant
    }

    /// What the record says of a discharge that happened before the caseload began.
    static let importedDischargeSummary =
        "Discharged before this caseload began; the roster it was imported from gave only the date and type of discharge."

    /// The staff id a row's counselor names: an id in any capitals, or a name as on the staff
    /// list by its letters alone; nil when the row names none.
    static func counselor(named text: String?, in staffList: [Staff]) throws(DomainError) -> StaffID? {
        try refuseControls(text, "The primary counselor")
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        if let byID = staffList.first(where: { $0.id.rawValue.lowercased() == text.lowercased() }) { return byID.id }
        let byName = staffList.filter { $0.displayName.foldedLetters == text.foldedLetters }.map(\.id).sorted()
        guard byName.count <= 1 else { throw .ambiguousCounselorName(byName) }
        guard let id = byName.first else {
            throw .unknownCounselorName(known: staffList.filter { $0.isActive && $0.role != .admin }.map(\.id).sorted())
        }
        return id
    }
}

/// A row's refusal: the field it is about (nil for the row as a whole) and the rule, or the
/// store failing while the rules read it.
private struct ImportRefusal: Error {
    let field: ParticipantField?
    let error: CaseloadError

    init(_ field: ParticipantField?, _ error: DomainError) {
        self.init(field, CaseloadError.refused(error))
    }

    init(_ field: ParticipantField?, _ error: CaseloadError) {
        self.field = field
        self.error = error
    }
}
