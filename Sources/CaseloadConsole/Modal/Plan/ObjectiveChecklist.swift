import CaseloadCore

/// `Ctrl-O` in the note editor: the plan's current objectives (still open, or already linked)
/// with a tick beside those the note addressed. Space ticks or clears the selected one; Enter
/// keeps the ticks, Esc leaves the links as they were.
struct ObjectiveChecklist: Sendable, Equatable {
    let options: [Objective]
    private(set) var chosen: Set<String>
    private(set) var selected = 0

    /// The objectives of `plan` worth offering: open ones, and any the note already names.
    init(plan: TreatmentPlan, linked: [String]) {
        options = plan.objectives.filter { $0.status.isOpen || linked.contains($0.id) }
        chosen = Set(linked)
    }

    mutating func move(by step: Int) {
        selected = max(0, min(selected + step, options.count - 1))
    }

    mutating func toggle() {
        guard options.indices.contains(selected) else { return }
        let id = options[selected].id
        if chosen.remove(id) == nil { chosen.insert(id) }
    }

    /// The ticked objectives, in plan order.
    var links: [String] { options.map(\.id).filter(chosen.contains) }
}
