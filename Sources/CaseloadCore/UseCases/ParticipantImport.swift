/// One roster row to admit, as read from a spreadsheet, before any rule has looked at it.
public struct ImportedParticipant: Sendable, Equatable {
    /// Where the row starts in the file (the header is line 1), to name the row in a refusal.
    public var line: Int
    /// The id the row had in the caseload it came from; nil gives it the next free id.
    public var id: ParticipantID?
    /// The admission; its primary counselor is ignored in favor of `counselor`.
    public var admission: AdmissionRequest
    /// The primary counselor as the row names them, by staff id in any capitals or by name as
    /// on the staff list; nil means the staff member importing.
    public var counselor: String?
    /// Active or on hold; discharged only with `discharge`.
    public var status: ParticipantStatus
    public var discharge: ImportedDischarge?

    public init(
        line: Int, id: ParticipantID? = nil, admission: AdmissionRequest, counselor: String? = nil,
        status: ParticipantStatus = .active, discharge: ImportedDischarge? = nil
    ) {
        self.line = line
        self.id = id
        self.admission = admission
        self.counselor = counselor
        self.status = status
        self.discharge = discharge
    }
}

/// How a stay that ended before the import ended: a roster gives the date and type alone.
public struct ImportedDischarge: Sendable, Equatable {
    public var date: LocalDate
    public var type: DischargeType

    public init(date: LocalDate, type: DischargeType) {
        self.date = date
        self.type = type
    }
}

/// What is wrong with one row: its line, the field (nil for the row as a whole) and the rule.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let field: ParticipantField?
    public let error: DomainError

    public init(line: Int, field: ParticipantField?, error: DomainError) {
        self.line = line
        self.field = field
        self.error = error
    }

    public var description: String { error.description }
}

/// Whether an import writes, and what it does with rows that break a rule.
public enum ImportMode: Sendable {
    /// Checks every row and writes nothing.
    case dryRun
    /// Writes every row, or nothing at all when any row has a problem.
    case allOrNothing
    /// Writes the rows without problems and reports the others.
    case skippingBadRows
}

/// What an import found and did.
public struct ImportReport: Sendable {
    /// A row that passes every rule, with the participant it admits: numbered and with its
    /// revision once saved (`saved`), as it would be saved otherwise.
    public struct Accepted: Sendable {
        public let line: Int
        public let participant: Participant
        public let saved: Bool
        public let warnings: [Warning]
    }

    /// Every row that passes, in file order.
    public let accepted: [Accepted]
    /// Every problem of every bad row, by line.
    public let problems: [ImportProblem]
    /// A save that failed part way: the rows saved before it stay (a second import names them
    /// as already on file), the rest were not written.
    public let interruption: StoreError?

    /// The lines of the rows with problems, each once, in order.
    public var badLines: [Int] { Array(Set(problems.map(\.line))).sorted() }
    public var savedCount: Int { accepted.filter(\.saved).count }
}
