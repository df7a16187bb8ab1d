import CaseloadCore

/// `R` on the Plan tab: a plan review with its date and what it concluded, recorded as the
/// signed-in staff member; the next review falls the program's interval on unless a date is typed.
struct PlanReviewForm: FormKind {
    let participant: ParticipantID

    enum Key: Hashable, Sendable { case date, note, next }

    static func open(for participant: Participant, in state: ConsoleState) -> FormScreen<PlanReviewForm> {
        let days = state.data.program.planReviewDays
        return FormScreen(PlanReviewForm(participant: participant.id), fields: [
            FormField(.date, "Date", .date(state.session.today.description, suggested: true),
                      help: "The day of the review, YYYY-MM-DD; today unless typed."),
            FormField(.note, "Note", .text(""), help: "What the review concluded: progress, changes to the plan."),
            FormField(.next, "Next review", .date("", suggested: false),
                      help: "YYYY-MM-DD; empty: \(Format.count(days, "day")) after this review, the program's setting."),
        ])
    }

    var whatIsDiscarded: String { "review" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Plan review", for: participant)
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        let reviewer = "Reviewed by \(ParticipantTabs.staffName(state.session.staff.id, state))"
        guard let plan = state.loadedDetail(of: participant)?.participant.treatmentPlan else { return [FormNotice(text: reviewer)] }
        let last = plan.reviews.last.map {
            "Last reviewed \(Format.date($0.date)) by \(ParticipantTabs.staffName($0.by, state))"
        } ?? plan.lastReviewedOn.map { "Last reviewed \(Format.date($0))" } ?? "Not reviewed yet"
        let due = plan.nextReviewDue.map {
            plan.isReviewOverdue(on: state.session.today) ? "; overdue since \(Format.date($0))" : "; due \(Format.date($0))"
        } ?? ""
        return [FormNotice(text: reviewer), FormNotice(text: last + due)]
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        .editPlan(participant, .review(on: try fields.date(.date) ?? state.session.today, note: fields.text(.note),
                                       nextDue: try fields.date(.next)))
    }
}
