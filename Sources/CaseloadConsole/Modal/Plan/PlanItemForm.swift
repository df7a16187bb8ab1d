import CaseloadCore

/// `a` and `e` on the Plan tab: a problem, goal or objective added under the selected line, or
/// the selected one reworded (an objective's target date with it). The core numbers new lines
/// and holds every rule; the form only reads what was typed.
struct PlanItemForm: FormKind {
    let participant: ParticipantID
    let purpose: Purpose

    enum Purpose: Sendable, Equatable {
        /// Adding; the places offered, the most specific first.
        case add([Placement])
        /// Editing the line with this id.
        case edit(PlanItem)
    }

    /// Where a new line goes.
    enum Placement: Sendable, Equatable {
        case problem
        case goal(under: String)
        case objective(under: String)

        /// "Objective under goal 1.2", as the Plan tab numbers its lines.
        var title: String {
            switch self {
            case .problem: "Problem"
            case .goal(let problem): "Goal under problem \(PlanItemForm.number(problem))"
            case .objective(let goal): "Objective under goal \(PlanItemForm.number(goal))"
            }
        }
    }

    enum Key: Hashable, Sendable { case placement, statement, target }

    /// The places `a` offers under `selected`: under an objective, another objective of its goal.
    static func adding(under selected: PlanItem?, of participant: Participant, in state: ConsoleState)
        -> FormScreen<PlanItemForm>
    {
        let places: [Placement] = switch selected {
        case nil: [.problem]
        case .problem(let problem): [.goal(under: problem.id), .problem]
        case .goal(let goal): [.objective(under: goal.id), .goal(under: parent(of: goal.id)), .problem]
        case .objective(let objective):
            [.objective(under: parent(of: objective.id)), .goal(under: parent(of: parent(of: objective.id))), .problem]
        }
        return FormScreen(PlanItemForm(participant: participant.id, purpose: .add(places)), fields: [
            FormField(.placement, "Add", .choice(places.map(\.title), selected: 0),
                      help: "Left and Right choose where the new line goes."),
            FormField(.statement, "Statement", .text(""),
                      help: "A problem in the participant's terms; a goal; an objective written so it can be measured."),
            FormField(.target, "Target date", .date("", suggested: false), help: "When the objective should be met, YYYY-MM-DD."),
        ])
    }

    static func editing(_ item: PlanItem, of participant: ParticipantID, in state: ConsoleState) -> FormScreen<PlanItemForm> {
        var fields = [FormField<Key>(.statement, "Statement", .text(item.statement), help: "The line as it should now read.")]
        if case .objective(let objective) = item {
            fields.append(FormField(.target, "Target date", .date(objective.targetDate.description, suggested: true),
                                    help: "YYYY-MM-DD; kept unless typed over."))
        }
        return FormScreen(PlanItemForm(participant: participant, purpose: .edit(item)), fields: fields)
    }

    var whatIsDiscarded: String {
        if case .edit = purpose { return "change" }
        return "new line"
    }

    func title(in state: ConsoleState) -> String {
        switch purpose {
        case .add: state.formTitle("Add to the treatment plan", for: participant)
        case .edit(let item): state.formTitle("Edit \(Self.label(of: item))", for: participant)
        }
    }

    func isShown(_ key: Key, in fields: FormFields<Key>) -> Bool {
        guard key == .target else { return true }
        switch purpose {
        case .add(let places): if case .objective = fields.choice(.placement).map({ places[$0] }) { return true }
        case .edit(let item): if case .objective = item { return true }
        }
        return false
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        guard case .edit(let item) = purpose else { return [] }
        return [FormNotice(text: "Now: \(item.statement)")]
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        let statement = fields.text(.statement)
        switch purpose {
        case .add(let places):
            guard let index = fields.choice(.placement) else {
                throw FormProblem(field: .placement, message: "Choose where the new line goes with Left and Right")
            }
            switch places[index] {
            case .problem: return .editPlan(participant, .addProblem(statement))
            case .goal(let problem): return .editPlan(participant, .addGoal(statement, toProblem: problem))
            case .objective(let goal):
                guard let target = try fields.date(.target) else {
                    throw FormProblem(field: .target, message: "Give the objective a target date, YYYY-MM-DD")
                }
                return .editPlan(participant, .addObjective(statement, target: target, toGoal: goal))
            }
        case .edit(let item):
            var target: LocalDate?
            if case .objective = item { target = try fields.date(.target) }
            return .editPlan(participant, .edit(item.id, statement: statement, target: target), expecting: item)
        }
    }

    /// "P1.G2" as the Plan tab numbers it: "1.2".
    static func number(_ id: String) -> String {
        id.split(separator: ".").map { String($0.drop(while: \.isLetter)) }.joined(separator: ".")
    }

    /// "problem 1", "goal 1.2", "objective 1.2.1".
    static func label(of item: PlanItem) -> String {
        switch item {
        case .problem(let problem): "problem \(number(problem.id))"
        case .goal(let goal): "goal \(number(goal.id))"
        case .objective(let objective): "objective \(number(objective.id))"
        }
    }

    /// "P1.G2" for "P1.G2.O3": the line a goal or objective sits under.
    private static func parent(of id: String) -> String {
        id.split(separator: ".").dropLast().joined(separator: ".")
    }
}
