import CaseloadCore
import TerminalKit

/// The treatment plan as a tree: problems, their goals, and each goal's measurable objectives,
/// one of them selected (j/k) for `a`, `e` and `s`; under each objective, how many notes
/// addressed it and when last; then the reviews, newest first.
enum PlanTab {
    /// The tab's lines and, for each selectable item in `items` order, the lines it takes.
    struct Layout {
        var lines: [[Span]]
        var itemLines: [Range<Int>]
    }

    /// Every problem, goal and objective in the order the tab shows them.
    static func items(_ plan: TreatmentPlan) -> [PlanItem] {
        plan.problems.flatMap { problem in
            [PlanItem.problem(problem)] + problem.goals.flatMap { goal in
                [PlanItem.goal(goal)] + goal.objectives.map(PlanItem.objective)
            }
        }
    }

    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        layout(detail, state: state, width: width).lines
    }

    static func layout(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> Layout {
        let plan = detail.participant.treatmentPlan
        let today = state.session.today
        let glyphs = state.session.glyphs
        let separator = glyphs.separator
        var out = TextLines(width: width, ellipsis: glyphs.frame.ellipsis)
        var dates = "Started \(Format.date(plan.startedOn))"
        dates += plan.lastReviewedOn.map { " \(separator) last reviewed \(Format.date($0))" } ?? " \(separator) not reviewed yet"
        out.append([Span(dates, .value)]
                   + (plan.nextReviewDue.map { due in
                       plan.isReviewOverdue(on: today)
                           ? [Span(" \(separator) review overdue since \(Format.date(due))", .flagWarning)]
                           : [Span(" \(separator) next review \(Format.date(due))", .value)]
                   } ?? []))
        let counted = ParticipantDetail.sessionWindow(admission: detail.participant.admissionDate, today: today).lowerBound
        if plan.startedOn < counted {
            out.append("Notes on each objective counted since \(Format.date(counted)); caseload plan show counts the whole stay",
                       .muted)
        }
        guard !plan.problems.isEmpty else {
            out.blank()
            out.append("No problems written yet; a adds the first.", .muted)
            return Layout(lines: out.lines, itemLines: [])
        }
        var itemLines: [Range<Int>] = []
        func item(_ draw: (inout TextLines) -> Void) {
            let start = out.lines.count
            draw(&out)
            itemLines.append(start..<out.lines.count)
        }
        for (p, problem) in plan.problems.enumerated() {
            out.blank()
            item { wrapped("Problem \(p + 1): ", problem.statement, indent: 0, role: .title, into: &$0) }
            for (g, goal) in problem.goals.enumerated() {
                item { wrapped("Goal \(p + 1).\(g + 1): ", goal.statement, indent: 2, role: .value, into: &$0) }
                for objective in goal.objectives {
                    item { objectiveLines(objective, notes: detail.objectiveNotes[objective.id], today: today, glyphs: glyphs,
                                          into: &$0) }
                }
            }
        }
        reviews(plan, state: state, into: &out)
        return Layout(lines: out.lines, itemLines: itemLines)
    }

    /// "Problem 1: " followed by the statement wrapped under itself.
    private static func wrapped(_ label: String, _ text: String, indent: Int, role: Role, into out: inout TextLines) {
        let pad = String(repeating: " ", count: indent)
        let labelWidth = DisplayWidth.of(label)
        for (index, line) in Wrap.lines(text, width: out.width - indent - labelWidth).enumerated() {
            out.append([Span(pad + (index == 0 ? label : String(repeating: " ", count: labelWidth)), .label),
                        Span(line, role)])
        }
    }

    /// "    └ Attends three meetings a week", then "In progress · target 15 Dec 2026 · 3 notes,
    /// last 20 Nov 2026": auditors look for objectives no note addresses.
    private static func objectiveLines(_ objective: Objective, notes: ObjectiveNotes?, today: LocalDate,
                                       glyphs: ConsoleGlyphs, into out: inout TextLines) {
        let late = objective.targetDate < today && objective.status.isOpen
        let statusRole: Role = switch objective.status {
        case .met: .muted
        case .discontinued, .notMet: .flagWarning
        default: .value
        }
        let prefix = "    \(glyphs.treeBranch) "
        for (index, line) in Wrap.lines(objective.statement, width: out.width - 6).enumerated() {
            out.append([Span(index == 0 ? prefix : "      ", .label), Span(line, .value)])
        }
        let touched = notes.map {
            Span(" \(glyphs.separator) \(Format.count($0.count, "note")), last \(Format.date($0.lastOn))", .value)
        } ?? Span(" \(glyphs.separator) no notes yet", .muted)
        out.append([Span("      ", .label), Span(objective.status.title, statusRole),
                    Span(" \(glyphs.separator) target \(Format.date(objective.targetDate))", late ? .flagWarning : .muted)]
                   + (late ? [Span(" (past target)", .flagWarning)] : []) + [touched])
    }

    /// "Reviews": each with its date, who reviewed and what was concluded, newest first.
    private static func reviews(_ plan: TreatmentPlan, state: ConsoleState, into out: inout TextLines) {
        guard !plan.reviews.isEmpty else { return }
        out.heading("Reviews")
        for review in plan.reviews.reversed() {
            out.append([Span("  \(Format.date(review.date))  ", .label),
                        Span(ParticipantTabs.staffName(review.by, state), .value)])
            for line in Wrap.lines(review.note, width: out.width - 4) {
                out.append("    " + line, .muted)
            }
        }
    }
}
