import CaseloadCore

/// `s` on an objective: one of the five statuses, chosen with Left and Right or a first letter.
struct ObjectiveStatusForm: FormKind {
    let participant: ParticipantID
    let objective: Objective

    enum Key: Hashable, Sendable { case status }

    static func open(for objective: Objective, of participant: ParticipantID) -> FormScreen<ObjectiveStatusForm> {
        FormScreen(ObjectiveStatusForm(participant: participant, objective: objective), fields: [
            FormField(.status, "Status", .choice(ObjectiveStatus.choices.map(\.title),
                                                 selected: ObjectiveStatus.choices.firstIndex(of: objective.status)),
                      help: "Left and Right, or the first letter: not started, in progress, met, revised, discontinued."),
        ])
    }

    var whatIsDiscarded: String { "status" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Objective \(PlanItemForm.number(objective.id))", for: participant)
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        [FormNotice(text: objective.statement),
         FormNotice(text: "Now \(objective.status.title.lowercased()); target \(Format.date(objective.targetDate))")]
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        guard let index = fields.choice(.status) else {
            throw FormProblem(field: .status, message: "Choose a status with Left and Right")
        }
        return .editPlan(participant, .setStatus(ObjectiveStatus.choices[index], ofObjective: objective.id),
                         expecting: .objective(objective))
    }
}
