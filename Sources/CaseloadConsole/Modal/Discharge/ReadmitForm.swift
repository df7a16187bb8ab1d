import CaseloadCore

/// `N` on a discharged participant's Discharge tab: a new stay, from a date, at a level of care,
/// for a reason. The finished stay is kept whole among the earlier ones.
struct ReadmitForm: FormKind {
    let person: Participant

    enum Key: Hashable, Sendable { case date, level, reason }

    static func open(for person: Participant, in state: ConsoleState) -> FormScreen<ReadmitForm> {
        FormScreen(ReadmitForm(person: person), fields: [
            FormField(.date, "Readmitted on", .date(state.session.today.description, suggested: true),
                      help: "The first day of the new stay, YYYY-MM-DD; today unless typed."),
            FormField(.level, "Level of care", .choice(LevelOfCareForm.levels, selected: nil),
                      help: "Left/Right, or the first letter: p PHP, i IOP, o OP, a aftercare."),
            FormField(.reason, "Reason", .text(""), help: "Why the participant returns to care, as you would chart it."),
        ])
    }

    var whatIsDiscarded: String { "readmission" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Readmit", for: person)
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        guard let discharge = person.discharge else { return [] }
        return [FormNotice(
            text: "Discharged on \(Format.date(discharge.date)): \(discharge.type.title.lowercased()). "
                + "A new stay starts; the one that ended stays on record as it was.")]
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        let date = try fields.date(.date) ?? state.session.today
        guard let level = fields.choice(.level) else {
            throw FormProblem(field: .level, message: "Choose the level of care of the new stay: Left/Right, or its first letter.")
        }
        return .readmit(person.id, on: date, to: LevelOfCare.allCases[level], reason: fields.text(.reason))
    }

    func afterSaving(_ saved: SavedChange, status: StatusMessage, in state: ConsoleState) -> ModalStep {
        guard let person = saved.participant else { return ModalStep(status: status, next: .close) }
        return ModalStep(
            status: saved.status(saying: "Readmitted to \(person.latestLevelOfCare.abbreviation) on "
                                 + "\(Format.date(person.admissionDate)); the earlier stay is kept"),
            next: .close)
    }
}
