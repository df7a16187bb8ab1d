import CaseloadConsole
import CaseloadCore

/// The console's data, read from the JSON store: the roster index and a few weeks of sessions
/// at open, one participant's records when they are opened (each opening recorded in the audit log).
struct StoreDataSource: ConsoleDataSource {
    let caseload: Caseload
    /// Who is signed in: the staff member each opening is recorded against.
    let staff: StaffID

    var store: CaseloadStore { caseload.store }

    func loadConsoleData(today: LocalDate) throws(ConsoleDataError) -> ConsoleData {
        do {
            let window = ConsoleData.sessionWindow(today: today)
            let staff = store.staff()
            let sessions = store.sessions(from: window.lowerBound, through: window.upperBound)
            let damaged = staff.damaged + sessions.damaged
            let index = try store.rosterIndexWithDamage()
            let drafts = store.drafts(of: self.staff)
            return ConsoleData(
                program: try store.program(),
                staff: Dictionary(staff.records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
                roster: index.entries, sessions: sessions.records,
                damagedFileCount: damaged.count + drafts.damaged.count,
                damagedFiles: (damaged + drafts.damaged).map { $0.file.relative },
                damagedParticipants: index.damagedParticipants, drafts: drafts.records)
        } catch {
            throw .unreadable(error.description)
        }
    }

    func changeStamp() -> AnyHashable? { AnyHashable(store.changeStamp()) }

    func loadSession(_ id: SessionID) throws(ConsoleDataError) -> Session {
        do {
            return try store.session(id)
        } catch .recordNotFound {
            throw .sessionNotFound(id)
        } catch {
            throw .unreadable(error.description)
        }
    }

    func loadSessions(in week: ISOWeek) throws(ConsoleDataError) -> [Session] {
        store.sessions(in: week).records
    }

    func loadDischarged(today: LocalDate) throws(ConsoleDataError) -> [RosterEntry] {
        // Damaged files are named by the roster's damage line and `caseload check`; the list shows the rest.
        store.dischargedRoster().records
    }

    func loadReport(_ request: ReportRequest, today: LocalDate) throws(ConsoleDataError) -> LoadedReport {
        do {
            switch request {
            case .progress(let id):
                let read = try caseload.progressReport(of: id)
                let access = caseload.recordAccess(.participantView(id), by: staff)?.description
                return .progress(read.report, notice: access ?? LoadedReport.damageNotice(read.damaged))
            case .program(let week, _):
                // The store's clock is the console's: the same `Clock`, pinned or not.
                let read = try caseload.programReport(week: week)
                return .program(read.report, notice: LoadedReport.damageNotice(read.damaged))
            }
        } catch .store(.recordNotFound) {
            if case .progress(let id) = request { throw .participantNotFound(id) }
            throw .unreadable("The report could not be read.")
        } catch {
            throw .unreadable(error.description)
        }
    }

    func loadParticipant(_ id: ParticipantID, today: LocalDate) throws(ConsoleDataError) -> ParticipantDetail {
        do {
            let participant = try store.participant(id)
            let window = ParticipantDetail.sessionWindow(admission: participant.admissionDate, today: today)
            // Notes on each objective are counted over the window's sessions only: reading every
            // session of the program since a long stay began made opening a chart wait on it.
            // The Plan tab says so when the plan is older; `caseload plan show` counts the whole stay.
            let sessions = store.sessions(from: window.lowerBound, through: window.upperBound).records
                .filter { $0.member(id) != nil }
            let checkIns = store.checkIns(of: id)
            return ParticipantDetail(
                participant: participant, checkIns: checkIns.records, sessions: sessions,
                damagedCheckIns: checkIns.damaged.map { $0.file.relative },
                accessNotice: caseload.recordAccess(.participantView(id), by: staff)?.description,
                objectiveNotes: participant.treatmentPlan.noteActivity(of: id, in: sessions))
        } catch .recordNotFound {
            throw .participantNotFound(id)
        } catch {
            throw .unreadable(error.description)
        }
    }
}
