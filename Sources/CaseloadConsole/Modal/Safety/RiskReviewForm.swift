import CaseloadCore
import Foundation

/// `R` for a supervisor: the high-risk assessment read back, a note if wanted, and Ctrl-S
/// marks it reviewed, which closes the flag.
struct RiskReviewForm: FormKind {
    let participant: ParticipantID
    let checkIn: CheckInID
    /// The assessment as the supervisor reviews it, a line each.
    let summary: [String]

    enum Key: Hashable, Sendable { case note }

    static func open(for checkIn: CheckIn, in state: ConsoleState) -> FormScreen<RiskReviewForm>? {
        guard let flag = checkIn.safetyFlag, let assessment = flag.assessment else { return nil }
        let glyphs = state.session.glyphs
        let zone = state.data.program.timeZone
        let yes = assessment.yesAnswers
        let summary = [
            "\(checkIn.date): \(flag.origin)",
            "Assessed by \(ShownName.staff(assessment.by, in: state.data.staff, glyphs: glyphs)) "
                + "\(zone.wallClock(assessment.at)): \(assessment.riskLevel.rawValue) risk",
            "Answered yes: " + (yes.isEmpty ? "none of the six questions" : yes.joined(separator: ", ")),
            "Protective factors: \(assessment.protectiveFactors)",
            "Done: \(assessment.actionsTaken)",
            "Follow-up on \(assessment.followUp)",
        ]
        return FormScreen(
            RiskReviewForm(participant: checkIn.participant, checkIn: checkIn.id, summary: summary),
            fields: [FormField(.note, "Review note", .text(""),
                               help: "What you reviewed or asked for; optional. Ctrl-S marks the assessment reviewed.")])
    }

    var whatIsDiscarded: String { "review" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Review of a high-risk assessment", for: participant)
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        summary.map { FormNotice(text: $0) }
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        .reviewRiskAssessment(participant, checkIn, note: fields.optionalText(.note))
    }
}
