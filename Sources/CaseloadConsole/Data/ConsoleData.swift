import CaseloadCore

/// What the console opens with: small and independent of years of history (program, staff,
/// the roster index and a few weeks of sessions). Details of one participant come on demand.
public struct ConsoleData: Sendable, Equatable {
    public var program: ProgramSettings
    public var staff: [StaffID: Staff]
    /// The roster index: every participant not discharged, and the discharged whose safety
    /// flag is still open.
    public var roster: [RosterEntry]
    /// Every session in `ConsoleData.sessionWindow(today:)`: this week's for hours and the
    /// Sessions screen, the weeks before for notes still unsigned.
    public var sessions: [Session]
    /// How many record files could not be read, and the names of (some of) them.
    public var damagedFileCount: Int
    public var damagedFiles: [String]
    /// Participants whose own file or a check-in file could not be read when the roster was last
    /// rebuilt: they or their open safety flags may be missing from `roster`.
    public var damagedParticipants: [ParticipantID]
    /// The signed-in staff member's unfinished drafts: the editor opens on them, and the
    /// console says on start that they were kept.
    public var drafts: [Draft]

    public init(program: ProgramSettings, staff: [StaffID: Staff], roster: [RosterEntry],
                sessions: [Session], damagedFileCount: Int = 0, damagedFiles: [String] = [],
                damagedParticipants: [ParticipantID] = [], drafts: [Draft] = []) {
        self.drafts = drafts
        self.program = program
        self.staff = staff
        self.roster = roster
        self.sessions = sessions
        self.damagedFileCount = max(damagedFileCount, damagedFiles.count)
        self.damagedFiles = damagedFiles
        self.damagedParticipants = damagedParticipants
    }

    /// "Núñez, José (P-0003)" for each damaged participant the roster still has an entry for,
    /// "P-0009" for one it never had (or whose name the terminal cannot show).
    func damagedParticipantNames(_ glyphs: ConsoleGlyphs) -> [String] {
        damagedParticipants.map { id in
            let name = roster.first { $0.id == id }.map { ShownName.of($0.sortName, id: id.rawValue, glyphs: glyphs) }
            return name.map { $0 == id.rawValue ? $0 : "\($0) (\(id))" } ?? id.rawValue
        }
    }

    /// The signed-in staff member's draft of `target` in `session`, if they kept one.
    public func draft(in session: SessionID, _ target: EditTarget) -> Draft? {
        drafts.first { $0.session == session && $0.target == target }
    }

    /// How many weeks before this one the console looks back for unsigned notes.
    public static let weeksOfRecentSessions = 2

    /// The days whose sessions `sessions` must hold: from the Monday two weeks before this
    /// week's through this week's Sunday.
    public static func sessionWindow(today: LocalDate) -> ClosedRange<LocalDate> {
        let monday = today.isoWeek.monday
        return monday.adding(days: -7 * weeksOfRecentSessions)...monday.adding(days: 6)
    }
}

/// One participant's full record as the participant screen shows it.
public struct ParticipantDetail: Sendable, Equatable {
    public var participant: Participant
    /// Every check-in, any order (views sort by date).
    public var checkIns: [CheckIn]
    /// Sessions the participant is on, from `ParticipantDetail.sessionWindow`.
    public var sessions: [Session]
    /// Check-in files that could not be read ("checkins/P-0003/C-20261120-k3x9qa.json"): any of
    /// them may hold an open safety flag that `checkIns` cannot show.
    public var damagedCheckIns: [String]
    /// Why this opening is not in the audit log, for the status line; nil when it is.
    public var accessNotice: String?
    /// For each objective of the current plan a note addressed: how many notes and the latest
    /// date (`TreatmentPlan.noteActivity`), over `sessions`' weeks (the Plan tab says so when the
    /// plan is older; `caseload plan show` counts the whole stay).
    public var objectiveNotes: [String: ObjectiveNotes]

    public init(
        participant: Participant, checkIns: [CheckIn], sessions: [Session], damagedCheckIns: [String] = [],
        accessNotice: String? = nil, objectiveNotes: [String: ObjectiveNotes] = [:]
    ) {
        self.participant = participant
        self.accessNotice = accessNotice
        self.objectiveNotes = objectiveNotes
        self.checkIns = checkIns.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        self.sessions = sessions.sorted { ($0.date, $0.startTime, $0.id) < ($1.date, $1.startTime, $1.id) }
        self.damagedCheckIns = damagedCheckIns.sorted()
    }

    /// How many weeks of sessions a detail holds at most.
    public static let weeksOfSessions = 8

    /// Sessions since admission, but no more than the last eight weeks (through this week).
    public static func sessionWindow(admission: LocalDate, today: LocalDate) -> ClosedRange<LocalDate> {
        let monday = today.isoWeek.monday
        let earliest = monday.adding(days: -7 * (weeksOfSessions - 1))
        return max(admission, earliest)...monday.adding(days: 6)
    }
}

extension ParticipantDetail {
    /// Check-ins whose safety flag is in `status`, oldest first: the first is the one to act on.
    func flags(_ status: SafetyFlag.Status) -> [CheckIn] {
        checkIns.filter { $0.safetyFlag?.status == status }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}
