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
            return .saved(try saved(request))
        } catch {
            switch error {
            case .refused(.entryNamesOtherMembers(_, let others)):
                return .namesOtherMembers(others, message: error.description)
            case .refused(let rule): return .refused(rule.description)
            case .conflict(let conflict): return .conflict(conflict)
            case .store(let failure): return .failed(failure.description)
            }
        }
    }

    private func saved(_ request: WriteRequest) throws(CaseloadError) -> SavedChange {
        switch request {
        case .recordSession(let session):
            return change(try caseload.recordSession(session, by: staff))
        case .writeNote(let target, let format, let sections, let objectives, let base):
            return change(try caseload.writeNote(
                in: target.session, for: target.participant, format: format, sections: sections, objectives: objectives,
                startedFrom: base, by: staff))
        case .writeNarrative(let session, let text, let base):
            return change(try caseload.writeSharedNarrative(in: session, text: text, startedFrom: base, by: staff))
        case .signNote(let target, let acknowledging):
            return change(try caseload.signNote(
                in: target.session, for: target.participant, acknowledgingNames: acknowledging, by: staff))
        case .writeAndSignNote(let target, let format, let sections, let objectives, let base):
            _ = try caseload.writeNote(
                in: target.session, for: target.participant, format: format, sections: sections, objectives: objectives,
                startedFrom: base, by: staff)
            return change(try caseload.signNote(in: target.session, for: target.participant, by: staff))
        case .signReadyNotes(let session, let acknowledged):
            let outcome = try caseload.signReadyNotes(in: session, by: staff, acknowledgingNamesFor: acknowledged)
            let named = outcome.record.skipped.compactMap { skipped -> ParticipantID? in
                if case .entryNamesOtherMembers = skipped.reason { return skipped.participant }
                return nil
            }
            return SavedChange(session: outcome.record.session, warnings: outcome.warnings.map(\.description),
                               summary: ReadySigningSummary.text(outcome.record), namesToConfirm: named)
        case .coSignNote(let target):
            return change(try caseload.coSignNote(in: target.session, for: target.participant, by: staff))
        case .addAddendum(let target, let text):
            return change(try caseload.addAddendum(to: target.session, for: target.participant, text: text, by: staff))
        case .setAttendance(let target, let status, let minutes):
            return change(try caseload.setAttendance(
                in: target.session, for: target.participant, status: status, minutes: minutes, by: staff))
        case .addMember(let session, let attendance):
            return change(try caseload.addMember(to: session, attendance, by: staff))
        case .saveDraft(let session, let target, let text, let objectives, let base):
            let outcome = try caseload.saveDraft(
                in: session, target: target, text: text, objectives: objectives, startedFrom: base, by: staff)
            return SavedChange(session: nil, warnings: outcome.warnings.map(\.description))
        case .discardDraft(let session, let target):
            try caseload.discardDraft(in: session, target: target, by: staff)
            return SavedChange(session: nil)
        case .recordCheckIn(let checkIn):
            return change(try caseload.recordCheckIn(checkIn, by: staff))
        case .assessSafetyFlag(let assessment):
            return change(try caseload.assessSafetyFlag(assessment, by: staff))
        case .reviewRiskAssessment(let participant, let checkIn, let note):
            return change(try caseload.reviewRiskAssessment(of: checkIn, participant: participant, note: note, by: staff))
        case .raiseSafetyFlag(let participant, let date, let concern):
            return change(try caseload.raiseSafetyFlag(for: participant, on: date, concern: concern, by: staff))
        case .changeLevelOfCare(let participant, let level, let date, let reason):
            return change(try caseload.transition(participant, to: level, on: date, reason: reason, by: staff))
        case .discharge(let participant, let discharge):
            return change(try caseload.discharge(participant, discharge, by: staff))
        case .readmit(let participant, let date, let level, let reason):
            return change(try caseload.readmit(participant, on: date, to: level, reason: reason, by: staff))
        case .editPlan(let participant, let edit, let line):
            let outcome = try caseload.editPlan(participant, edit, expecting: line, by: staff)
            return SavedChange(session: nil, warnings: outcome.warnings.map(\.description))
        }
    }

    private func change(_ outcome: Outcome<Session>) -> SavedChange {
        SavedChange(session: outcome.record, warnings: outcome.warnings.map(\.description))
    }

    private func change(_ outcome: Outcome<CheckIn>) -> SavedChange {
        SavedChange(session: nil, warnings: outcome.warnings.map(\.description), checkIn: outcome.record)
    }

    private func change(_ outcome: Outcome<Participant>) -> SavedChange {
        SavedChange(session: nil, warnings: outcome.warnings.map(\.description), participant: outcome.record)
    }
}

/// "5 notes signed; 2 not: P-0004 (the Plan section is empty), …" after `S` on a session.
enum ReadySigningSummary {
    static func text(_ result: ReadyNotesSigned) -> String {
        let signed = "\(result.signed.count == 1 ? "1 note" : "\(result.signed.count) notes") signed"
        guard !result.skipped.isEmpty else { return signed }
        let skipped = result.skipped.map { "\($0.participant) (\($0.reason.description))" }.joined(separator: "; ")
        return "\(signed); not signed: \(skipped)"
    }
}
