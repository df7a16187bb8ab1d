import CaseloadCore

/// Performs the console's writes. It runs off the key loop, so it may wait for the data
/// folder's lock without freezing the screen.
public protocol ConsoleWriter: Sendable {
    func perform(_ request: WriteRequest) -> WriteResult
}

/// Writes through the core's use-case layer as the signed-in staff member.
public struct CaseloadWriter: ConsoleWriter {
    let caseload: Caseload
    let staff: StaffID

    public init(caseload: Caseload, staff: StaffID) {
        self.caseload = caseload
        self.staff = staff
    }

    public func perform(_ request: WriteRequest) -> WriteResult {
        do throws(CaseloadError) {
            switch request {
            case .recordSession(let session):
                return .saved(try saved(caseload.recordSession(session, by: staff)))
            case .writeNote(let target, let format, let sections):
                return .saved(try saved(caseload.writeNote(
                    in: target.session, for: target.participant, format: format, sections: sections, by: staff)))
            case .writeNarrative(let session, let text):
                return .saved(try saved(caseload.writeSharedNarrative(in: session, text: text, by: staff)))
            case .signNote(let target):
                return .saved(try saved(caseload.signNote(in: target.session, for: target.participant, by: staff)))
            case .coSignNote(let target):
                return .saved(try saved(caseload.coSignNote(in: target.session, for: target.participant, by: staff)))
            case .addAddendum(let target, let text):
                return .saved(try saved(caseload.addAddendum(
                    to: target.session, for: target.participant, text: text, by: staff)))
            }
        } catch {
            switch error {
            case .refused(let rule): return .refused(rule.description)
            case .store(let failure): return .failed(failure.description)
            }
        }
    }

    private func saved(_ outcome: Outcome<Session>) -> SavedChange {
        SavedChange(session: outcome.record, warnings: outcome.warnings.map(\.description))
    }
}
