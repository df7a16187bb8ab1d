import CaseloadCore
import Foundation

/// Every safety flag of a participant's check-ins, with who assessed or acknowledged it, when,
/// and what was done: what `checkin list` and `participant show` print under their own lines.
struct SafetyFlagLines {
    let lines: [String]

    init(_ checkIns: [CheckIn], in timeZone: TimeZone) {
        lines = SafetyFlagHistory.of(checkIns, in: timeZone, naming: \.rawValue).flatMap(Self.lines)
    }

    /// A heading and the lines, after a blank line; nothing when no check-in raised a flag.
    func print() {
        guard !lines.isEmpty else { return }
        Output.line()
        Output.line("Safety flags")
        // Multi-line fields keep their line breaks, indented under the field.
        for line in lines { Output.paragraph(line) }
    }

    /// The flag's line with its id (`checkin acknowledge` takes it), then each event indented.
    private static func lines(_ history: SafetyFlagHistory) -> [String] {
        let checkIn = history.checkIn
        var lines = ["\(checkIn.id)  \(checkIn.date)  \(history.flag.origin)  [\(history.flag.status.rawValue)]"]
        for line in history.lines {
            guard let label = line.label else { continue }
            lines.append(line.text.isEmpty ? "    \(label)" : field(label, line.text))
        }
        if history.flag.status == .open, history.flag.acknowledgement == nil {
            lines.append("    No risk assessment yet: caseload checkin acknowledge \(history.checkIn.participant) \(history.checkIn.id)")
        }
        return lines
    }

    /// "    Label: text", later lines of the text indented under it; every control but the
    /// line breaks is shown by `Output.paragraph`, and tabs too, since they would break the indent.
    private static func field(_ label: String, _ text: String) -> String {
        let body = text.replacingOccurrences(of: "\t", with: " ")
        return "    \(label): " + body.components(separatedBy: "\n").joined(separator: "\n      ")
    }
}
