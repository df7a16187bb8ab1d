import CaseloadCore
import TerminalKit

/// The treatment plan as a tree: problems, their goals, and each goal's measurable objectives.
enum PlanTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let plan = detail.participant.treatmentPlan
        let today = state.session.today
        let separator = state.session.glyphs.separator
        var out = TextLines(width: width, ellipsis: state.session.glyphs.frame.ellipsis)
        var dates = "Started \(Format.date(plan.startedOn))"
        dates += plan.lastReviewedOn.map { " \(separator) last reviewed \(Format.date($0))" } ?? " \(separator) not reviewed yet"
        out.append([Span(dates, .value)]
                   + (plan.nextReviewDue.map { due in
                       plan.isReviewOverdue(on: today)
                           ? [Span(" \(separator) review overdue since \(Format.date(due))", .flagWarning)]
                           : [Span(" \(separator) next review \(Format.date(due))", .value)]
                   } ?? []))
        guard !plan.problems.isEmpty else {
            out.blank()
            out.append("No problems written yet.", .muted)
            return out.lines
        }
        for (p, problem) in plan.problems.enumerated() {
            out.blank()
            wrapped("Problem \(p + 1): ", problem.statement, indent: 0, role: .title, into: &out)
            for (g, goal) in problem.goals.enumerated() {
                wrapped("Goal \(p + 1).\(g + 1): ", goal.statement, indent: 2, role: .value, into: &out)
                for objective in goal.objectives {
                    objectiveLines(objective, today: today, glyphs: state.session.glyphs, into: &out)
                }
            }
        }
        return out.lines
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

    /// "    └ Attends three meetings a week   In progress · target 15 Dec 2026".
    private static func objectiveLines(_ objective: Objective, today: LocalDate, glyphs: ConsoleGlyphs,
                                       into out: inout TextLines) {
        let late = objective.targetDate < today && objective.status != .met && objective.status != .revised
        let statusRole: Role = switch objective.status {
        case .met: .muted
        case .notMet: .flagWarning
        default: .value
        }
        let prefix = "    \(glyphs.treeBranch) "
        for (index, line) in Wrap.lines(objective.statement, width: out.width - 6).enumerated() {
            out.append([Span(index == 0 ? prefix : "      ", .label), Span(line, .value)])
        }
        out.append([Span("      ", .label), Span(objective.status.title, statusRole),
                    Span(" \(glyphs.separator) target \(Format.date(objective.targetDate))", late ? .flagWarning : .muted)]
                   + (late ? [Span(" (past target)", .flagWarning)] : []))
    }
}
