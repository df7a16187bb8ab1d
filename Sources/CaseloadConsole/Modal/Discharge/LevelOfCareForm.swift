import CaseloadCore

/// `t` on the Discharge tab: a step down or up to another level of care, with the date it takes
/// effect and the clinical reason. A date after today schedules it; the core decides what a new
/// decision replaces and says so, and that shows in the status line.
struct LevelOfCareForm: FormKind {
    /// The participant as the form opened, for the level they are in and what is scheduled.
    let person: Participant

    enum Key: Hashable, Sendable { case level, date, reason }

    /// The levels of care by name; their first letters (P, I, O, A) choose them.
    static let levels = LevelOfCare.allCases.map(\.title)

    static func open(for person: Participant, in state: ConsoleState) -> FormScreen<LevelOfCareForm> {
        FormScreen(LevelOfCareForm(person: person), fields: [
            FormField(.level, "New level of care", .choice(levels, selected: nil),
                      help: "Left/Right, or the first letter: p PHP, i IOP, o OP, a aftercare."),
            FormField(.date, "Takes effect on", .date(state.session.today.description, suggested: true),
                      help: "YYYY-MM-DD; today unless typed. A later date schedules the change "
                          + "(at most \(LevelOfCareChange.schedulingHorizonDays) days ahead)."),
            FormField(.reason, "Clinical reason", .text(""),
                      help: "Why the participant needs this level now, as you would chart it."),
        ])
    }

    var whatIsDiscarded: String { "change of level of care" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Step down or up", for: person)
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        let today = state.session.today
        let current = person.levelOfCare(on: today)
        let since = person.levelOfCareHistory.last { $0.effective <= today }?.effective ?? person.admissionDate
        var notices = [FormNotice(text: "Now in \(current.title) since \(Format.date(since)).")]
        for change in person.levelOfCareHistory where change.effective > today {
            notices.append(FormNotice(text: "Scheduled: \(change.level.title) from \(Format.date(change.effective))."))
        }
        // What the answers so far would do, once both can be read.
        if let chosen = fields.choice(.level), let date = try? fields.date(.date) ?? today {
            let level = LevelOfCare.allCases[chosen]
            let before = person.levelOfCare(on: date)
            if level != before {
                let step = level > before ? "a step down" : "a step up"
                notices.append(FormNotice(
                    text: "\(before.abbreviation) \(state.session.glyphs.arrow) \(level.abbreviation) from "
                        + "\(Format.date(date)): \(step)\(date > today ? ", scheduled" : "")."))
            }
        }
        return notices
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        guard let chosen = fields.choice(.level) else {
            throw FormProblem(field: .level, message: "Choose the new level of care: Left/Right, or its first letter.")
        }
        return .changeLevelOfCare(person.id, to: LevelOfCare.allCases[chosen],
                                  on: try fields.date(.date) ?? state.session.today, reason: fields.text(.reason))
    }

    func afterSaving(_ saved: SavedChange, status: StatusMessage, in state: ConsoleState) -> ModalStep {
        guard let person = saved.participant, let change = person.levelOfCareHistory.last else {
            return ModalStep(status: status, next: .close)
        }
        let from = person.levelOfCareBeforeLatestChange
        let step = change.level > from ? "Step down" : "Step up"
        let when = change.effective > state.session.today
            ? "scheduled for \(Format.date(change.effective))" : "from \(Format.date(change.effective))"
        return ModalStep(
            status: saved.status(saying: "\(step) \(from.abbreviation) \(state.session.glyphs.arrow) "
                                 + "\(change.level.abbreviation) \(when)"),
            next: .close)
    }
}
