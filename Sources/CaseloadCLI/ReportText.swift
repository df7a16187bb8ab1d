import CaseloadCore

/// The reports as text, written by the core (`textBlocks`, which the console's `:report` shows
/// too); every line and cell goes through `Output`, so text from the records (an objective, a
/// name) is shown and never obeyed by the terminal.
enum ReportText {
    static func print(_ blocks: [ReportBlock]) {
        for block in blocks {
            switch block {
            case .line(let text): Output.line(text)
            case .table(let headers, let rows): Output.table(headers, rows)
            case .fields(let fields): Output.fields(fields.map { ($0.label, $0.value) })
            }
        }
    }
}
