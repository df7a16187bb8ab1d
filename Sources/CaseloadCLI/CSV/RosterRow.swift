import CaseloadCore

/// Reads one roster row into an admission, or every cell of it that cannot be read. Only the
/// form of each cell is checked here; the rules (dates within reason, a counselor who can carry
/// a caseload, nobody admitted twice) are the core's import operation's.
struct RosterRow {
    let columns: RosterColumns

    /// A row read whole, or every cell of it that could not be.
    enum Reading {
        case read(ImportedParticipant)
        case unreadable([ImportProblem])
    }

    func read(_ row: CSVReader.Row) -> Reading {
        var problems: [ImportProblem] = []
        func problem(_ field: ParticipantField?, _ error: DomainError) {
            problems.append(ImportProblem(line: row.line, field: field, error: error))
        }
        let extra = row.cells.dropFirst(columns.headers.count)
        if extra.contains(where: { !$0.isEmpty }) {
            problem(nil, .cellsBeyondHeader(row.cells.count, header: columns.headers.count))
        }
        func cell(_ field: ParticipantField) -> String? {
            columns.fields[field].map { $0 < row.cells.count ? CSV.text(ofCell: row.cells[$0]) : "" }
        }
        /// A cell's value, nil when it is empty (or the column is absent) and problems for what cannot be read.
        func value<T>(_ field: ParticipantField, _ parse: (String) throws(DomainError) -> T) -> T? {
            guard let text = cell(field)?.trimmed, !text.isEmpty else { return nil }
            do {
                return try parse(text)
            } catch {
                problem(field, error)
                return nil
            }
        }
        func required<T>(_ field: ParticipantField, _ parse: (String) throws(DomainError) -> T) -> T? {
            if cell(field)?.trimmed.isEmpty ?? true {
                problem(field, .emptyField(RosterColumns.title(field)))
                return nil
            }
            return value(field, parse)
        }

        var first = cell(.firstName) ?? ""
        var last = cell(.lastName) ?? ""
        if let index = columns.name {
            let whole = index < row.cells.count ? CSV.text(ofCell: row.cells[index]) : ""
            let parts = whole.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            if parts.count == 2 {
                (last, first) = (parts[0].trimmed, parts[1].trimmed)
            } else {
                problem(.lastName, .nameForm)
            }
        }
        let id = value(.id) { ParticipantID($0) }
        let birth = required(.dateOfBirth, Self.date)
        let admission = required(.admissionDate, Self.date)
        let level = required(.levelOfCare) { (text) throws(DomainError) in try Self.choice(text, LevelOfCare.allCases) { [$0.rawValue, $0.abbreviation, $0.title, String($0.title.split(separator: "(")[0])] } }
        let track = required(.track) { (text) throws(DomainError) in try Self.choice(text, Track.allCases) { [$0.rawValue, $0.title] } }
        let status = value(.status) { (text) throws(DomainError) in try Self.choice(text, ParticipantStatus.allCases) { [$0.rawValue, $0.title] } }
        let dischargeDate = value(.dischargeDate, Self.date)
        let dischargeType = value(.dischargeType) { (text) throws(DomainError) in try Self.choice(text, DischargeType.allCases) { [$0.rawValue, $0.title] } }
        var discharge: ImportedDischarge?
        switch (dischargeDate, dischargeType) {
        case (let date?, let type?): discharge = ImportedDischarge(date: date, type: type)
        case (nil, nil): break
        default:
            // A discharge cell that could not be read already has its problem.
            if !problems.contains(where: { $0.field == .dischargeDate || $0.field == .dischargeType }) {
                problem(dischargeDate == nil ? .dischargeDate : .dischargeType, .dischargeIncomplete)
            }
        }

        guard problems.isEmpty, let birth, let admission, let level, let track else { return .unreadable(problems) }
        var request = AdmissionRequest(
            firstName: first, lastName: last, preferredName: cell(.preferredName), pronouns: cell(.pronouns),
            dateOfBirth: birth, admissionDate: admission, levelOfCare: level, track: track,
            phone: cell(.phone), diagnoses: Self.diagnoses(cell(.diagnoses) ?? ""))
        if let referral = cell(.referralSource) { request.referralSource = referral }
        return .read(
            ImportedParticipant(
                line: row.line, id: id, admission: request, counselor: cell(.primaryCounselor),
                status: status ?? .active, discharge: discharge))
    }

    static func date(_ text: String) throws(DomainError) -> LocalDate {
        do { return try LocalDate(text) } catch { throw .notADate }
    }

    /// The case whose names (`names`) match `text` by letters alone: "IOP", "iop" and
    /// "Intensive Outpatient" are one level of care.
    static func choice<T>(_ text: String, _ cases: [T], names: (T) -> [String]) throws(DomainError) -> T {
        let key = text.foldedLetters
        guard let match = cases.first(where: { names($0).contains { $0.foldedLetters == key } }) else {
            throw .unrecognizedValue(allowed: cases.map { names($0)[0] })
        }
        return match
    }

    /// Diagnoses as `export --format csv` writes them: separated by semicolons, each its
    /// ICD-10-CM code (when it has one) and then its description, as in
    /// "F10.20 Alcohol use disorder, moderate; F41.1 Generalized anxiety disorder". A first word
    /// is read as a code only when it has a code's form: a letter, a digit, a digit or letter,
    /// and optionally a dot and up to four more.
    static func diagnoses(_ text: String) -> [Diagnosis] {
        text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }.map { entry in
            let parts = entry.split(separator: " ", maxSplits: 1).map(String.init)
            if parts.count == 2, parts[0].wholeMatch(of: #/[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?/#) != nil {
                return Diagnosis(description: parts[1].trimmed, icd10: parts[0])
            }
            return Diagnosis(description: entry)
        }
    }
}
