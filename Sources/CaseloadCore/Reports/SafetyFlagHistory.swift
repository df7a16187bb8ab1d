import Foundation

/// What happened to one safety flag, as lines a person reads: how it was raised, the concern,
/// who assessed it, when, at what risk and what was done, and who reviewed it. `checkin list`,
/// `participant show` and the console's Progress tab all print these, each in its own way.
public struct SafetyFlagHistory: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        /// "Assessed by Maria Garcia 2026-11-28 14:05", or nil for the flag's own line.
        public var label: String?
        /// The text, possibly several lines long (protective factors are written freely).
        public var text: String
    }

    public let checkIn: CheckIn
    public let flag: SafetyFlag
    public let lines: [Line]

    /// Every flag of `checkIns`, oldest first.
    public static func of(_ checkIns: [CheckIn], in zone: TimeZone, naming name: (StaffID) -> String) -> [SafetyFlagHistory] {
        checkIns.filter { $0.safetyFlag != nil }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            .map { SafetyFlagHistory($0, $0.safetyFlag!, zone, name) }
    }

    private init(_ checkIn: CheckIn, _ flag: SafetyFlag, _ zone: TimeZone, _ name: (StaffID) -> String) {
        self.checkIn = checkIn
        self.flag = flag
        var lines: [Line] = []
        let origin = flag.itemNineAnswer.map { "PHQ-9 item 9 answered \($0)" }
            ?? "Raised by hand by \(flag.raisedBy.map(name) ?? "staff")"
        lines.append(Line(label: nil, text: "\(checkIn.date): \(origin) [\(flag.status.rawValue)]"))
        if let concern = flag.concern { lines.append(Line(label: "Concern", text: concern)) }
        if let acknowledged = flag.acknowledgement {
            lines.append(Line(label: "Acknowledged by \(name(acknowledged.by)) \(zone.wallClock(acknowledged.at))",
                              text: acknowledged.action))
        }
        if let assessment = flag.assessment {
            let yes = assessment.yesAnswers
            lines += [
                Line(label: "Assessed by \(name(assessment.by)) \(zone.wallClock(assessment.at))",
                     text: "\(assessment.riskLevel.rawValue) risk"),
                Line(label: "Answered yes", text: yes.isEmpty ? "none of the six questions" : yes.joined(separator: ", ")),
                Line(label: "Protective factors", text: assessment.protectiveFactors),
                Line(label: "Done", text: assessment.actionsTaken),
                Line(label: "Follow-up", text: assessment.followUp.description),
            ]
        }
        if let review = flag.review {
            lines.append(Line(label: "Reviewed by \(name(review.by)) \(zone.wallClock(review.at))", text: review.note ?? ""))
        }
        self.lines = lines
    }
}
