import CaseloadCore

/// A change the user asked for. The console never checks a rule itself: each request is one
/// use-case operation of the core, performed off the key loop by a `ConsoleWriter`.
public enum WriteRequest: Sendable, Equatable {
    case recordSession(SessionRequest)
    /// Writes a member's note as the editor holds it, refused if someone saved it since `startedFrom`;
    /// `objectives`: the plan objectives it addressed, nil leaving its links as they are.
    case writeNote(NoteTarget, format: NoteFormat, sections: [String: String], objectives: [String]?, startedFrom: EditBase)
    case writeNarrative(SessionID, text: String, startedFrom: EditBase)
    /// `acknowledgingNames`: the user confirmed that naming another member belongs in the entry.
    case signNote(NoteTarget, acknowledgingNames: Bool)
    /// Writes the note as the editor holds it, then signs it; nothing is signed when the writing
    /// is refused, so a signature never lands on text the user did not see.
    case writeAndSignNote(
        NoteTarget, format: NoteFormat, sections: [String: String], objectives: [String]?, startedFrom: EditBase)
    case signReadyNotes(SessionID, acknowledgingNamesFor: Set<ParticipantID>)
    case coSignNote(NoteTarget)
    case addAddendum(NoteTarget, text: String)
    case setAttendance(NoteTarget, status: AttendanceStatus, minutes: Int?)
    case addMember(SessionID, AttendanceRequest)
    /// `objectives`: a note's links as chosen in the editor, kept with its draft.
    case saveDraft(SessionID, target: EditTarget, text: WrittenText, objectives: [String]?, startedFrom: EditBase)
    case discardDraft(SessionID, target: EditTarget)
    case recordCheckIn(CheckInRequest)
    /// Closes an open safety flag with a structured risk assessment.
    case assessSafetyFlag(RiskAssessmentRequest)
    /// A supervisor's review of a high-risk assessment, with an optional note.
    case reviewRiskAssessment(ParticipantID, CheckInID, note: String?)
    /// A flag raised by hand for a concern voiced in session.
    case raiseSafetyFlag(ParticipantID, on: LocalDate, concern: String)
    /// A step down or up to another level of care, in force from `on` (later dates are scheduled).
    case changeLevelOfCare(ParticipantID, to: LevelOfCare, on: LocalDate, reason: String)
    case discharge(ParticipantID, DischargeRequest)
    /// A new stay for a discharged participant; the finished one is kept.
    case readmit(ParticipantID, on: LocalDate, to: LevelOfCare, reason: String)
    /// A change to a participant's treatment plan: a line added or edited, a status, a review.
    /// `expecting`: the line as the form showed it, so a change someone made since is not overwritten.
    case editPlan(ParticipantID, PlanEdit, expecting: PlanItem? = nil)

    /// The session the change is about, when it is about one.
    public var session: SessionID? {
        switch self {
        case .recordSession, .recordCheckIn, .assessSafetyFlag, .reviewRiskAssessment, .raiseSafetyFlag,
             .changeLevelOfCare, .discharge, .readmit, .editPlan:
            nil
        case .writeNote(let target, _, _, _, _), .signNote(let target, _), .coSignNote(let target),
             .writeAndSignNote(let target, _, _, _, _),
             .addAddendum(let target, _), .setAttendance(let target, _, _):
            target.session
        case .writeNarrative(let session, _, _), .signReadyNotes(let session, _), .addMember(let session, _),
             .saveDraft(let session, _, _, _, _), .discardDraft(let session, _):
            session
        }
    }

    /// What the status line says once the change is saved.
    var savedMessage: String {
        switch self {
        case .recordSession: "Session recorded"
        case .writeNote: "Note saved (not signed yet)"
        case .writeNarrative: "Shared narrative saved"
        case .signNote, .writeAndSignNote: "Note signed"
        case .signReadyNotes: "Notes signed"
        case .coSignNote: "Note co-signed"
        case .addAddendum: "Addendum added"
        case .setAttendance(_, let status, _): "Marked \(status.title.lowercased())"
        case .addMember: "Member added"
        case .saveDraft: "Draft saved"
        case .discardDraft: "Draft discarded"
        case .recordCheckIn: "Check-in recorded"
        case .assessSafetyFlag: "Risk assessment recorded"
        case .reviewRiskAssessment: "Risk assessment reviewed; the flag is closed"
        case .raiseSafetyFlag: "Safety flag raised"
        case .changeLevelOfCare: "Level of care changed"
        case .discharge: "Discharged"
        case .readmit: "Readmitted: a new stay begins"
        case .editPlan(_, let edit, _): edit.savedMessage
        }
    }

    /// False for drafts, which change no record anyone else sees: the caseload need not reload.
    var changesRecords: Bool {
        switch self {
        case .saveDraft, .discardDraft: false
        default: true
        }
    }
}

/// One member's note in one session.
public struct NoteTarget: Sendable, Hashable {
    public var session: SessionID
    public var participant: ParticipantID

    public init(session: SessionID, participant: ParticipantID) {
        self.session = session
        self.participant = participant
    }
}

extension PlanEdit {
    /// What the status line says once the plan change is saved.
    var savedMessage: String {
        switch self {
        case .addProblem: "Problem added"
        case .addGoal: "Goal added"
        case .addObjective: "Objective added"
        case .edit(let id, _, _): "\(id) saved"
        case .setStatus(let status, let id): "\(id): \(status.title.lowercased())"
        case .review: "Plan review recorded"
        }
    }
}
