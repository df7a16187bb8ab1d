import CaseloadCore

/// `F`: a safety flag raised by hand for a concern voiced in session. It stays open until a
/// risk assessment closes it, like one raised by PHQ-9 item 9.
struct RaiseFlagForm: FormKind {
    let participant: ParticipantID

    enum Key: Hashable, Sendable { case concern, date }

    static func open(for participant: ParticipantID, in state: ConsoleState) -> FormScreen<RaiseFlagForm> {
        FormScreen(RaiseFlagForm(participant: participant), fields: [
            FormField(.concern, "Concern", .text(""), help: "What was said or seen, in a sentence or two."),
            FormField(.date, "Date", .date(state.session.today.description, suggested: true),
                      help: "The day it was voiced, YYYY-MM-DD; today unless typed."),
        ])
    }

    var whatIsDiscarded: String { "safety flag" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Raise a safety flag", for: participant)
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        .raiseSafetyFlag(participant, on: try fields.date(.date) ?? state.session.today, concern: fields.text(.concern))
    }

    func afterSaving(_ saved: SavedChange, status: StatusMessage, in state: ConsoleState) -> ModalStep {
        guard let checkIn = saved.checkIn, Permissions.allows(.acknowledgeFlag, by: state.session.staff) else {
            return ModalStep(status: .info("Safety flag raised"), next: .close)
        }
        return ModalStep(status: .error("Safety flag raised: complete the risk assessment now, or Esc twice to do it later"),
                         next: .replace(RiskAssessmentForm.open(for: checkIn, in: state)))
    }
}
