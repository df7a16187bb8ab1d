/// Every write to a caseload, one operation each. An operation loads what it needs, checks every
/// rule (who may, when, what must be filled), saves through the store and returns an `Outcome`
/// with warnings, or throws a refusal that names the rule. The command line and the console only
/// parse input and show outcomes; neither adds a rule of its own.
public struct Caseload: Sendable {
    public let store: CaseloadStore
    /// The reads this process has already put in the audit log.
    let accessLedger = AccessLedger()

    public init(store: CaseloadStore) {
        self.store = store
    }

    /// The program's one clock.
    public var clock: Clock { store.clock }

    /// The staff member acting. Every command, reads included, acts as someone on the staff list
    /// who is still active.
    public func actingStaff(_ id: StaffID) throws(CaseloadError) -> Staff {
        try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The staff id") }
        let staff: Staff
        do {
            staff = try store.staffMember(id)
        } catch .recordNotFound, .invalidRecordID {
            throw .refused(.unknownStaff(id))
        } catch {
            throw .store(error)
        }
        guard staff.isActive else { throw .refused(.inactiveStaff(id)) }
        return staff
    }

    /// The staff member acting, refused unless their role may take `action` at all (actions
    /// limited to a session's facilitators check the session too, once it is loaded).
    func permitted(_ action: StaffAction, _ actor: StaffID) throws(CaseloadError) -> Staff {
        let staff = try actingStaff(actor)
        try rule { () throws(DomainError) in try Permissions.check(action, by: staff) }
        return staff
    }

    /// The program's settings.
    public func program() throws(CaseloadError) -> ProgramSettings {
        try stored { () throws(StoreError) in try store.program() }
    }

    /// Today on the program's calendar.
    public func today() throws(CaseloadError) -> LocalDate {
        clock.today(in: try program().timeZone)
    }

    // MARK: Helpers for the operations

    /// Runs a domain check, turning its refusal into the operation's.
    func rule<T>(_ body: () throws(DomainError) -> T) throws(CaseloadError) -> T {
        do { return try body() } catch { throw .refused(error) }
    }

    /// Runs a store call, turning its failure into the operation's.
    func stored<T>(_ body: () throws(StoreError) -> T) throws(CaseloadError) -> T {
        do { return try body() } catch { throw .store(error) }
    }

    /// One participant, refused by name when there is no such participant.
    func loadParticipant(_ id: ParticipantID) throws(CaseloadError) -> Participant {
        try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The participant id") }
        do {
            return try store.participant(id)
        } catch .recordNotFound, .invalidRecordID {
            throw .refused(.unknownParticipant(id))
        } catch {
            throw .store(error)
        }
    }

    /// One session, refused by id when there is no such session (an id that could not be one
    /// included), for the operations and for `session show`.
    public func session(_ id: SessionID) throws(CaseloadError) -> Session {
        try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The session id") }
        do {
            return try store.session(id)
        } catch .recordNotFound, .invalidRecordID {
            throw .refused(.unknownSession(id))
        } catch {
            throw .store(error)
        }
    }

    /// A session for an operation that changes `targets` (a note, the narrative): a damaged file of
    /// theirs stops it, naming the file; damage to another member's note does not.
    func sessionForChange(_ id: SessionID, touching targets: [EditTarget]) throws(CaseloadError) -> Session {
        try rule { () throws(DomainError) in try refuseControls(id.rawValue, "The session id") }
        let read: SessionRead
        do {
            read = try store.sessionWithParts(id)
        } catch .recordNotFound, .invalidRecordID {
            throw .refused(.unknownSession(id))
        } catch {
            throw .store(error)
        }
        for target in targets {
            let part = try stored { () throws(StoreError) in
                switch target {
                case .narrative: try NarrativeFile.place(of: id)
                case .note(let participant), .addendum(let participant): try MemberNoteFile.place(of: participant, in: id)
                }
            }
            let folder = try stored { () throws(StoreError) in try Session.partsFolder(of: id) }
            if let damage = read.damaged[part] ?? read.damaged[folder] { throw .store(.damaged(damage)) }
        }
        return read.session
    }

    /// Runs one operation holding the data folder's write lock from its first read to its save,
    /// so a rule that looks at other records (the last administrator, sessions after a
    /// discharge, overlapping sessions) cannot be broken by another process saving in between.
    func writing<T>(_ operation: (WriteLock) throws(CaseloadError) -> T) throws(CaseloadError) -> T {
        let lock = try stored { () throws(StoreError) in try store.lockForWriting() }
        defer { lock.release() }
        return try operation(lock)
    }

    /// A save made while `CASELOAD_NOW` stops the clock carries that moment, not the computer's:
    /// fine for a demo or a test, worth saying every time anywhere else.
    private var pinnedClockWarning: [Warning] {
        clock.isPinned ? [.clockPinned(clock.now())] : []
    }

    /// Adds a new record under the operation's lock and wraps what the store reports.
    func added<Record: AuditedRecord>(
        holding lock: WriteLock, _ record: Record, _ action: AuditAction, by staff: Staff, warnings: [Warning] = []
    ) throws(CaseloadError) -> Outcome<Record> {
        let saved = try stored { () throws(StoreError) in try store.add(record, action: action, by: staff.id, holding: lock) }
        return Outcome(saved, warnings: warnings + pinnedClockWarning)
    }

    /// Adds a new session (its file, and any notes it holds) under the operation's lock.
    func added(
        holding lock: WriteLock, _ session: Session, _ action: AuditAction, by staff: Staff, warnings: [Warning] = []
    ) throws(CaseloadError) -> Outcome<Session> {
        let saved = try stored { () throws(StoreError) in try store.add(session, action: action, by: staff.id, holding: lock) }
        return Outcome(saved, warnings: warnings + pinnedClockWarning)
    }

    /// Adds a new participant under the next free id, numbered under the operation's lock so
    /// admissions at the same moment never clash, and wraps what the store reports.
    func addedParticipant(
        holding lock: WriteLock, _ participant: Participant, by staff: Staff, warnings: [Warning] = []
    ) throws(CaseloadError) -> Outcome<Participant> {
        let saved = try stored { () throws(StoreError) in try store.addParticipant(participant, by: staff.id, holding: lock) }
        return Outcome(saved, warnings: warnings + pinnedClockWarning)
    }

    /// Saves a changed record under the operation's lock and wraps what the store reports. A
    /// record that would be saved exactly as it stands is refused: a new revision and audit line
    /// for nothing would tell a reader something happened when nothing did.
    func saved<Record: AuditedRecord>(
        holding lock: WriteLock, _ record: Record, _ action: AuditAction, by staff: Staff, warnings: [Warning] = []
    ) throws(CaseloadError) -> Outcome<Record> {
        try changed(warnings: warnings) { () throws(StoreError) in
            try store.save(record, action: action, by: staff.id, holding: lock, refusingUnchanged: true)
        }
    }

    /// Saves `records` of a session under the operation's lock (its own file, a member's note, the
    /// narrative): only those are written, so an operation touches no other.
    func saved(
        holding lock: WriteLock, _ session: Session, changing records: Set<SessionRecord>, _ action: AuditAction,
        by staff: Staff, warnings: [Warning] = []
    ) throws(CaseloadError) -> Outcome<Session> {
        try changed(warnings: warnings) { () throws(StoreError) in
            try store.save(session, changing: records, action: action, by: staff.id, holding: lock, refusingUnchanged: true)
        }
    }

    /// Runs a save that refuses a record unchanged, turning that into the rule "nothing to change".
    private func changed<Record>(
        warnings: [Warning], _ save: () throws(StoreError) -> Saved<Record>
    ) throws(CaseloadError) -> Outcome<Record> {
        let saved: Saved<Record>
        do {
            saved = try save()
        } catch .unchanged {
            throw .refused(.nothingToChange)
        } catch {
            throw .store(error)
        }
        return Outcome(saved, warnings: warnings + pinnedClockWarning)
    }
}
