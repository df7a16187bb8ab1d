import Foundation

/// A report as text, in pieces a screen lays out its own way: the command line prints them
/// through its escaping, the console draws them through its own. The words are the same in both
/// because they are written only here; aligning columns is the caller's (it knows the display widths).
public enum ReportBlock: Sendable, Equatable {
    case line(String)
    /// Columns aligned under their headers; nothing at all when there are no rows.
    case table(headers: [String], rows: [[String]])
    /// "Label: value" lines with the values aligned.
    case fields([ReportField])
}

public struct ReportField: Sendable, Equatable {
    public var label: String
    public var value: String

    public init(_ label: String, _ value: String) {
        self.label = label
        self.value = value
    }
}

/// Figures as the reports write them.
public enum ReportFormat {
    /// "12.5".
    public static func hours(_ value: Double) -> String { String(format: "%.1f", value) }
    /// "+3", "0", "-2".
    public static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
    /// "+1.5", "-0.3".
    public static func signed(_ value: Double) -> String { String(format: "%+.1f", value) }
}

extension ProgressReport {
    /// `caseload report progress` as text, and the console's `:report`.
    public var textBlocks: [ReportBlock] {
        var blocks: [ReportBlock] = [
            .line("Progress report: \(name) (\(participant)), as of \(asOf)"),
            .line("\(levelOfCare.title), admitted \(admission)" + (discharge.map { ", discharged \($0)" } ?? "")),
        ]
        blocks += heading("Scores")
        if scores.isEmpty { blocks.append(.line("No check-ins with scores yet.")) }
        blocks.append(.table(
            headers: ["DATE", "PHQ-9", "GAD-7", "CRAVING"],
            rows: scores.map { s in
                [s.date.description, Self.score(s.phq9, s.phq9Band), Self.score(s.gad7, s.gad7Band),
                 s.craving.map { "\($0)/10" } ?? "—"]
            }))
        for (name, change) in [("PHQ-9", phq9Change), ("GAD-7", gad7Change)] {
            guard let change else { continue }
            blocks.append(.line(
                "\(name) since the first score of the stay: \(change.baseline) → \(change.latest) (\(ReportFormat.signed(change.change)))"))
        }
        blocks += heading("Attendance (hours per week against the level of care)")
        blocks.append(.table(
            headers: ["WEEK", "FROM", "LEVEL", "ATTENDED", "EXCUSED", "REQUIRED", "MET"],
            rows: weeks.map { w in
                [w.week, w.monday.description, w.levels.map(\.abbreviation).joined(separator: "→"),
                 ReportFormat.hours(w.attendedHours), ReportFormat.hours(w.excusedHours), ReportFormat.hours(w.requiredHours),
                 w.metRequirement ? "yes" : w.inProgress ? "not yet" : "no"]
            }))
        blocks += heading("Treatment plan")
        if objectives.isEmpty { blocks.append(.line("No objectives yet.")) }
        for objective in objectives {
            blocks.append(.line(
                "\(objective.id)  [\(objective.status.title)] \(objective.statement) (target \(objective.targetDate))"))
        }
        blocks += heading("Safety flags")
        if flags.isEmpty { blocks.append(.line("None during this stay.")) }
        for flag in flags {
            var line = "\(flag.date)  \(flag.checkIn)  \(flag.origin)  [\(flag.status)]"
            if let level = flag.riskLevel { line += "  \(level.rawValue) risk" }
            if let by = flag.assessedBy { line += ", assessed by \(by)" }
            if let by = flag.reviewedBy { line += ", reviewed by \(by)" }
            blocks.append(.line(line))
            if let actions = flag.actionsTaken { blocks.append(.line("    Done: \(actions)")) }
            if let followUp = flag.followUp { blocks.append(.line("    Follow-up: \(followUp)")) }
        }
        return blocks
    }

    private static func score(_ total: Int?, _ band: Severity?) -> String {
        guard let total, let band else { return "—" }
        return "\(total) \(band.title.lowercased())"
    }
}

extension ProgramReport {
    /// `caseload report program` as text, and the console's `:report program`.
    public var textBlocks: [ReportBlock] {
        var blocks: [ReportBlock] = [
            .line("\(program): week \(week) (\(monday) to \(sunday))"),
            .fields([
                ReportField("Census on \(censusDay)", "\(all.census) ("
                    + all.censusByLevel.map { "\($0.level.abbreviation) \($0.count)" }.joined(separator: ", ") + ")"),
                ReportField("Admissions", "\(all.admissions)"),
                ReportField("Discharges", "\(all.discharges)"),
                ReportField("Hours attended", "\(ReportFormat.hours(all.attendedHours)) of "
                    + "\(ReportFormat.hours(all.requiredHours)) required" + Self.percent(all)),
                ReportField("PHQ-9 change", Self.average(all.phq9Change)),
                ReportField("GAD-7 change", Self.average(all.gad7Change)),
                ReportField("Safety flags", "\(all.flagsOpened) opened, \(all.flagsClosed) closed"),
                ReportField("Notes", "\(all.notesSignedLate) signed late, \(all.notesOverdue) unsigned past due"),
            ]),
        ]
        blocks += heading("Per counselor (their caseload)")
        if counselors.isEmpty { blocks.append(.line("No caseload had anything this week.")) }
        blocks.append(.table(
            headers: ["COUNSELOR", "CENSUS", "IN", "OUT", "HOURS", "PHQ-9", "GAD-7", "FLAGS OPENED/CLOSED", "LATE NOTES"],
            rows: counselors.map { line in
                let f = line.figures
                return [line.counselor.rawValue, "\(f.census)", "\(f.admissions)", "\(f.discharges)",
                        "\(ReportFormat.hours(f.attendedHours))/\(ReportFormat.hours(f.requiredHours))",
                        f.phq9Change.map { ReportFormat.signed($0.average) } ?? "—",
                        f.gad7Change.map { ReportFormat.signed($0.average) } ?? "—",
                        "\(f.flagsOpened)/\(f.flagsClosed)", "\(f.notesSignedLate)"]
            }))
        return blocks
    }

    private static func percent(_ figures: Figures) -> String {
        figures.requiredHours > 0 ? " (\(Int((figures.attendedHours / figures.requiredHours * 100).rounded()))%)" : ""
    }

    private static func average(_ change: AverageChange?) -> String {
        guard let change else { return "no one with two scores yet" }
        let people = change.participants == 1 ? "1 participant" : "\(change.participants) participants"
        return "\(ReportFormat.signed(change.average)) on average since admission (\(people))"
    }
}

/// A blank line, then the section's title.
private func heading(_ title: String) -> [ReportBlock] { [.line(""), .line(title)] }
