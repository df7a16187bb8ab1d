import CaseloadCore
import Foundation

/// `A` on an open safety flag: the structured risk assessment that alone can close it. Six
/// questions answered y or n, protective factors, the risk level, what was done and when to
/// follow up. High risk leaves the flag waiting for a supervisor's review (`R`).
struct RiskAssessmentForm: FormKind {
    let participant: ParticipantID
    let checkIn: CheckInID
    /// How the flag was raised, shown above the questions.
    let origin: String

    enum Key: Hashable, Sendable {
        case question(RiskQuestion)
        case protectiveFactors, riskLevel
        case action(RiskAction)
        case otherAction, followUp
    }

    static let levels = RiskLevel.allCases.map { $0.rawValue.capitalized }

    static func open(for checkIn: CheckIn, in state: ConsoleState) -> FormScreen<RiskAssessmentForm> {
        var origin = checkIn.safetyFlag?.origin ?? "Safety flag"
        if let concern = checkIn.safetyFlag?.concern { origin += ": \(concern)" }
        var fields = RiskQuestion.allCases.enumerated().map { index, question in
            FormField<Key>(.question(question), question.question, .yesNo(nil),
                           section: index == 0 ? "Ask each question; y for yes, n for no" : nil,
                           help: "\(question.label): y for yes, n for no.")
        }
        fields += [
            FormField(.protectiveFactors, "Protective factors", .text(""), section: "Assessment",
                      help: "Reasons for living, supports, engagement in treatment, means restricted…"),
            FormField(.riskLevel, "Risk level", .choice(levels, selected: nil),
                      help: "Left/Right or l, m, h. High risk waits for a supervisor's review."),
        ]
        fields += RiskAction.allCases.enumerated().map { index, action in
            FormField(.action(action), action.title, .check(false), section: index == 0 ? "Action taken" : nil,
                      help: "Space ticks or clears; tick every action taken.")
        }
        fields += [
            FormField(.otherAction, "Other action", .text(""), help: "Any other action, in your words; optional."),
            FormField(.followUp, "Follow-up on", .date("", suggested: false),
                      help: "The date of the follow-up, YYYY-MM-DD; today at the earliest "
                          + "(tomorrow is \(state.session.today.adding(days: 1)))."),
        ]
        return FormScreen(
            RiskAssessmentForm(participant: checkIn.participant, checkIn: checkIn.id,
                               origin: "\(checkIn.date) (\(checkIn.id)): \(origin)"),
            fields: fields)
    }

    var whatIsDiscarded: String { "risk assessment (the flag stays open)" }

    func title(in state: ConsoleState) -> String {
        state.formTitle("Risk assessment", for: participant)
    }

    func notices(_ fields: FormFields<Key>, in state: ConsoleState) -> [FormNotice] {
        [FormNotice(text: "Safety flag of \(origin)")]
    }

    func request(from fields: FormFields<Key>, in state: ConsoleState) throws(FormProblem<Key>) -> WriteRequest {
        var answers: [RiskQuestion: Bool] = [:]
        for question in RiskQuestion.allCases {
            answers[question] = fields.yesNo(.question(question))
        }
        return .assessSafetyFlag(RiskAssessmentRequest(
            participant: participant, checkIn: checkIn, answers: answers,
            protectiveFactors: fields.text(.protectiveFactors),
            riskLevel: fields.choice(.riskLevel).map { RiskLevel.allCases[$0] },
            actions: Set(RiskAction.allCases.filter { fields.isChecked(.action($0)) }),
            otherAction: fields.optionalText(.otherAction),
            followUp: try fields.date(.followUp)))
    }

    func afterSaving(_ saved: SavedChange, status: StatusMessage, in state: ConsoleState) -> ModalStep {
        let waiting = saved.checkIn?.safetyFlag?.status == .awaitingReview
        let message = waiting
            ? "Risk assessment recorded: high risk, waiting for a supervisor's review (R)"
            : "Risk assessment recorded; the flag is closed"
        return ModalStep(status: waiting ? .error(message) : .info(message), next: .close)
    }
}
