import CaseloadCore
import Foundation

/// The reports as CSV for a spreadsheet, every cell through `CSV.field`, so text from the
/// records can never run as a formula.
enum ReportCSV {
    /// One row per fact, in the order the text shows them: section, date, item, value, detail.
    static func progress(_ report: ProgressReport) -> String {
        var rows: [[String]] = []
        for s in report.scores {
            if let total = s.phq9 { rows.append(["score", "\(s.date)", "PHQ-9", "\(total)", s.phq9Band?.rawValue ?? ""]) }
            if let total = s.gad7 { rows.append(["score", "\(s.date)", "GAD-7", "\(total)", s.gad7Band?.rawValue ?? ""]) }
            if let craving = s.craving { rows.append(["score", "\(s.date)", "craving", "\(craving)", ""]) }
        }
        for w in report.weeks {
            rows.append([
                "attendance", "\(w.monday)", w.week, ReportFormat.hours(w.attendedHours),
                "required \(ReportFormat.hours(w.requiredHours)); excused \(ReportFormat.hours(w.excusedHours)); "
                    + (w.metRequirement ? "met" : w.inProgress ? "week in progress" : "not met"),
            ])
        }
        for o in report.objectives {
            rows.append(["plan", "\(o.targetDate)", o.id, o.status.rawValue, o.statement])
        }
        for f in report.flags {
            rows.append([
                "safety flag", "\(f.date)", "\(f.checkIn)", f.status,
                [f.origin, f.riskLevel.map { "\($0.rawValue) risk" }, f.assessedBy.map { "assessed by \($0)" },
                 f.actionsTaken, f.reviewedBy.map { "reviewed by \($0)" }].compactMap { $0 }.joined(separator: "; "),
            ])
        }
        return CSV.table(["section", "date", "item", "value", "detail"], rows)
    }

    /// The program's line, then one per counselor, with every figure in its own column.
    static func program(_ report: ProgramReport) -> String {
        let levels = LevelOfCare.allCases.map { "census_\($0.rawValue)" }
        let header = ["week", "counselor", "census"] + levels + [
            "admissions", "discharges", "attended_hours", "required_hours", "phq9_average_change", "phq9_participants",
            "gad7_average_change", "gad7_participants", "flags_opened", "flags_closed", "notes_signed_late", "notes_overdue",
        ]
        let lines: [(String, ProgramReport.Figures)] =
            [("all", report.all)] + report.counselors.map { ($0.counselor.rawValue, $0.figures) }
        return CSV.table(header, lines.map { who, figures in row(report.week, who, figures) })
    }

    private static func row(_ week: String, _ who: String, _ f: ProgramReport.Figures) -> [String] {
        let counts: [String] = [week, who, "\(f.census)"] + f.censusByLevel.map { "\($0.count)" }
        let flow: [String] = [
            "\(f.admissions)", "\(f.discharges)", ReportFormat.hours(f.attendedHours), ReportFormat.hours(f.requiredHours),
        ]
        let scores: [String] = [
            f.phq9Change.map { String(format: "%.2f", $0.average) } ?? "", "\(f.phq9Change?.participants ?? 0)",
            f.gad7Change.map { String(format: "%.2f", $0.average) } ?? "", "\(f.gad7Change?.participants ?? 0)",
        ]
        let rest: [String] = ["\(f.flagsOpened)", "\(f.flagsClosed)", "\(f.notesSignedLate)", "\(f.notesOverdue)"]
        return counts + flow + scores + rest
    }
}
