import CaseloadCore
import Foundation

/// The reports as text, every line and cell through `Output`, so text from the records (an
/// objective, a name) is shown and never obeyed by the terminal.
enum ReportText {
    static func progress(_ report: ProgressReport) {
        Output.line("Progress report: \(report.name) (\(report.participant)), as of \(report.asOf)")
        Output.line(
            "\(report.levelOfCare.title), admitted \(report.admission)" + (report.discharge.map { ", discharged \($0)" } ?? ""))
        heading("Scores")
        if report.scores.isEmpty { Output.line("No check-ins with scores yet.") }
        Output.table(
            ["DATE", "PHQ-9", "GAD-7", "CRAVING"],
            report.scores.map { s in
                [s.date.description, score(s.phq9, s.phq9Band), score(s.gad7, s.gad7Band), s.craving.map { "\($0)/10" } ?? "—"]
            })
        for (name, change) in [("PHQ-9", report.phq9Change), ("GAD-7", report.gad7Change)] {
            guard let change else { continue }
            Output.line("\(name) since the first score of the stay: \(change.baseline) → \(change.latest) (\(signed(change.change)))")
        }
        heading("Attendance (hours per week against the level of care)")
        Output.table(
            ["WEEK", "FROM", "LEVEL", "ATTENDED", "EXCUSED", "REQUIRED", "MET"],
            report.weeks.map { w in
                [w.week, w.monday.description, w.levels.map(\.abbreviation).joined(separator: "→"), hours(w.attendedHours),
                 hours(w.excusedHours), hours(w.requiredHours), w.metRequirement ? "yes" : w.inProgress ? "not yet" : "no"]
            })
        heading("Treatment plan")
        if report.objectives.isEmpty { Output.line("No objectives yet.") }
        for objective in report.objectives {
            Output.line("\(objective.id)  [\(objective.status.title)] \(objective.statement) (target \(objective.targetDate))")
        }
        heading("Safety flags")
        if report.flags.isEmpty { Output.line("None during this stay.") }
        for flag in report.flags {
            var line = "\(flag.date)  \(flag.checkIn)  \(flag.origin)  [\(flag.status)]"
            if let level = flag.riskLevel { line += "  \(level.rawValue) risk" }
            if let by = flag.assessedBy { line += ", assessed by \(by)" }
            if let by = flag.reviewedBy { line += ", reviewed by \(by)" }
            Output.line(line)
            if let actions = flag.actionsTaken { Output.line("    Done: \(actions)") }
            if let followUp = flag.followUp { Output.line("    Follow-up: \(followUp)") }
        }
    }

    static func program(_ report: ProgramReport) {
        Output.line("\(report.program): week \(report.week) (\(report.monday) to \(report.sunday))")
        let all = report.all
        Output.fields([
            ("Census on \(report.censusDay)", "\(all.census) ("
                + all.censusByLevel.map { "\($0.level.abbreviation) \($0.count)" }.joined(separator: ", ") + ")"),
            ("Admissions", "\(all.admissions)"),
            ("Discharges", "\(all.discharges)"),
            ("Hours attended", "\(hours(all.attendedHours)) of \(hours(all.requiredHours)) required" + percent(all)),
            ("PHQ-9 change", average(all.phq9Change)),
            ("GAD-7 change", average(all.gad7Change)),
            ("Safety flags", "\(all.flagsOpened) opened, \(all.flagsClosed) closed"),
            ("Notes", "\(all.notesSignedLate) signed late, \(all.notesOverdue) unsigned past due"),
        ])
        heading("Per counselor (their caseload)")
        if report.counselors.isEmpty { Output.line("No caseload had anything this week.") }
        Output.table(
            ["COUNSELOR", "CENSUS", "IN", "OUT", "HOURS", "PHQ-9", "GAD-7", "FLAGS OPENED/CLOSED", "LATE NOTES"],
            report.counselors.map { line in
                let f = line.figures
                return [line.counselor.rawValue, "\(f.census)", "\(f.admissions)", "\(f.discharges)",
                        "\(hours(f.attendedHours))/\(hours(f.requiredHours))",
                        f.phq9Change.map { signed($0.average) } ?? "—", f.gad7Change.map { signed($0.average) } ?? "—",
                        "\(f.flagsOpened)/\(f.flagsClosed)", "\(f.notesSignedLate)"]
            })
    }

    private static func heading(_ title: String) {
        Output.line()
        Output.line(title)
    }

    private static func score(_ total: Int?, _ band: Severity?) -> String {
        guard let total, let band else { return "—" }
        return "\(total) \(band.title.lowercased())"
    }

    static func hours(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }

    private static func signed(_ value: Double) -> String { String(format: "%+.1f", value) }

    private static func percent(_ figures: ProgramReport.Figures) -> String {
        figures.requiredHours > 0 ? " (\(Int((figures.attendedHours / figures.requiredHours * 100).rounded()))%)" : ""
    }

    private static func average(_ change: ProgramReport.AverageChange?) -> String {
        guard let change else { return "no one with two scores yet" }
        let people = change.participants == 1 ? "1 participant" : "\(change.participants) participants"
        return "\(signed(change.average)) on average since admission (\(people))"
    }
}
