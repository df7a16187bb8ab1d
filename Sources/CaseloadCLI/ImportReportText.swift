import CaseloadCore
import Foundation

/// What `import participants` says: each problem on stdout with its line and column (the report
/// asked for; the cell itself is never repeated), then what was written; a refusal's one sentence
/// and the warnings go to stderr with line numbers only.
struct ImportReportText {
    let report: ImportReport
    let columns: RosterColumns
    let rows: Int
    let mode: ImportMode

    func print() {
        for problem in report.problems {
            let place = columns.place(of: problem.field).map { ", \($0)" } ?? ""
            Output.line("Line \(problem.line)\(place): \(problem)")
        }
        let bad = report.badLines
        let lines = "line\(bad.count == 1 ? "" : "s") \(bad.map(String.init).joined(separator: ", "))"
        let ready = report.accepted.count
        switch mode {
        case .dryRun:
            Output.line(
                "Checked \(rows) row\(rows == 1 ? "" : "s"): \(ready) ready to import"
                    + (bad.isEmpty ? "" : ", \(bad.count) with problems (\(lines))") + "; nothing was written (--dry-run).")
        case .allOrNothing where !bad.isEmpty:
            Output.notice(
                "Nothing was imported: \(bad.count) of \(rows) row\(rows == 1 ? " has" : "s have") problems (\(lines)); "
                    + "correct \(bad.count == 1 ? "it" : "them")"
                    + (ready == 0 ? " and import the file again." : ", or pass --skip-bad-rows to import the other \(ready)."))
        case .allOrNothing, .skippingBadRows:
            let saved = report.accepted.filter(\.saved).map(\.participant.id.rawValue)
            Output.line("Imported \(saved.count) participant\(saved.count == 1 ? "" : "s")" + (saved.isEmpty ? "." : ": \(saved.joined(separator: ", "))."))
            if !bad.isEmpty { Output.warning("\(bad.count) row\(bad.count == 1 ? " was" : "s were") not imported (\(lines)).") }
        }
        warnings()
    }

    /// Each warning once: one that is the same for every row (the pinned clock) without a line.
    private func warnings() {
        var said: Set<String> = []
        for accepted in report.accepted {
            for warning in accepted.warnings {
                let text = if case .clockPinned = warning { warning.description } else { "line \(accepted.line): \(warning)" }
                if said.insert(text).inserted { Output.warning(text) }
            }
        }
    }
}
