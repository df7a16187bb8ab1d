import CaseloadCore
import Foundation

/// Every safety flag of a participant's check-ins, with who assessed or acknowledged it, when,
/// and what was done: what `checkin list` and `participant show` print under their own lines.
struct SafetyFlagLines {
    let lines: [String]

    init(_ checkIns: [CheckIn], in timeZone: TimeZone) {
        let flagged = checkIns.filter { $0.safetyFlag != nil }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        lines = flagged.flatMap { checkIn in Self.lines(checkIn, checkIn.safetyFlag!, timeZone) }
    }

    /// A heading and the lines, after a blank line; nothing when no check-in raised a flag.
    func print() {
        guard !lines.isEmpty else { return }
        Output.line()
        Output.line("Safety flags")
        // Multi-line fields keep their line breaks, indented under the field.
        for line in lines { Output.paragraph(line) }
    }

    private static func lines(_ checkIn: CheckIn, _ flag: SafetyFlag, _ zone: TimeZone) -> [String] {
        var lines = ["\(checkIn.id)  \(checkIn.date)  \(flag.origin)  [\(flag.status.rawValue)]"]
        if let concern = flag.concern { lines.append(field("Concern", concern)) }
        if let acknowledged = flag.acknowledgement {
            lines.append(field("Acknowledged by \(acknowledged.by) \(zone.wallClock(acknowledged.at))", acknowledged.action))
        }
        if let assessment = flag.assessment {
            let yes = assessment.yesAnswers
            lines += [
                "    Assessed by \(assessment.by) \(zone.wallClock(assessment.at)): \(assessment.riskLevel.rawValue) risk",
                "    Answered yes: " + (yes.isEmpty ? "none of the six questions" : yes.joined(separator: ", ")),
                field("Protective factors", assessment.protectiveFactors),
                field("Done", assessment.actionsTaken),
                "    Follow-up: \(assessment.followUp)",
            ]
        }
        if let review = flag.review {
            let heading = "Reviewed by \(review.by) \(zone.wallClock(review.at))"
            lines.append(review.note.map { field(heading, $0) } ?? "    \(heading)")
        }
        if flag.status == .open, flag.acknowledgement == nil {
            lines.append("    No risk assessment yet: caseload checkin acknowledge \(checkIn.participant) \(checkIn.id)")
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
