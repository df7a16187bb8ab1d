import ArgumentParser
import CaseloadCore
import Foundation

struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin", abstract: "Record and list progress check-ins and their safety flags.",
        subcommands: [Add.self, List.self, Acknowledge.self, Review.self, Flag.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a check-in; prints the totals and severity bands.",
            discussion: "Example: caseload checkin add P-0007 --date 2026-11-20 --phq9 1,1,2,0,1,0,1,0,0 --gad7 1,1,0,1,0,1,0 --craving 3 --use no")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Option(help: "Date of the check-in (default today).") var date = "today"
        @Option(help: "PHQ-9 answers, nine numbers 0–3 separated by commas.") var phq9: String?
        @Option(help: "GAD-7 answers, seven numbers 0–3 separated by commas.") var gad7: String?
        @Option(help: "Craving, 0 (none) to 10 (strongest).") var craving: Int?
        @Option(help: ArgumentHelp("Substance use since the last check-in: no, or yes with what: \"yes:alcohol, 2 drinks\".", valueName: "no|yes[:what]"))
        var use: String?
        @Option(help: ArgumentHelp("Drug screen result: negative, positive[:substances], dilute or refused.", valueName: "result"))
        var screen: String?
        @Option(help: "A comment.") var comment = ""

        func run() throws {
            let acting = try store.open()
            let request = CheckInRequest(
                participant: ParticipantID(participant), date: try parseDate(date, today: try acting.today()),
                phq9: try phq9.map { try parseAnswers($0, instrument: .phq9) },
                gad7: try gad7.map { try parseAnswers($0, instrument: .gad7) },
                craving: craving, substanceUse: try use.map(parseUse), drugScreen: try screen.map(parseScreen),
                comment: comment)
            let outcome = try acting.caseload.recordCheckIn(request, by: acting.staff.id)
            let saved = outcome.record
            Output.line("Saved check-in \(saved.id) for \(saved.participant) on \(saved.date).")
            if let phq9 = saved.phq9 {
                Output.line("PHQ-9 \(phq9.total) (\(phq9.severity.title.lowercased()))")
            }
            if let gad7 = saved.gad7 {
                Output.line("GAD-7 \(gad7.total) (\(gad7.severity.title.lowercased()))")
            }
            if let craving = saved.craving { Output.line("Craving \(craving)/10") }
            if let flag = saved.safetyFlag {
                Output.line(
                    "SAFETY FLAG: \(flag.origin). Follow the program's safety protocol, then record the risk assessment with: caseload checkin acknowledge \(saved.participant) \(saved.id) (see --help)")
            }
            Output.warnings(outcome.warnings)
        }

        private func parseUse(_ text: String) throws -> SubstanceUse {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            switch parts.first?.lowercased() {
            case "no": return SubstanceUse(used: false, details: parts.count > 1 ? parts[1] : nil)
            case "yes": return SubstanceUse(used: true, details: parts.count > 1 ? parts[1] : nil)
            default: throw CommandFailure("--use takes no, or yes with what was used (yes:alcohol).")
            }
        }

        private func parseScreen(_ text: String) throws -> DrugScreen {
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            guard let result = DrugScreenResult(rawValue: parts.first?.lowercased() ?? "") else {
                throw CommandFailure("--screen takes negative, positive[:substances], dilute or refused.")
            }
            return DrugScreen(result: result, substances: parts.count > 1 ? parts[1] : nil)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a participant's check-ins, oldest first.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Participant id.") var participant: String

        func run() throws {
            let caseload = try store.open().store
            let id = ParticipantID(participant)
            _ = try caseload.participant(id)
            let loaded = caseload.checkIns(of: id)
            let checkIns = loaded.records.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            if output.json { return try Output.json(checkIns) }
            Output.table(
                ["ID", "DATE", "PHQ-9", "GAD-7", "CRAVING", "USE", "SCREEN", "FLAG"],
                checkIns.map { c in
                    [c.id.rawValue, c.date.description,
                     c.phq9.map { "\($0.total) \($0.severity.title.lowercased())" } ?? "—",
                     c.gad7.map { "\($0.total) \($0.severity.title.lowercased())" } ?? "—",
                     c.craving.map(String.init) ?? "—",
                     c.substanceUse.map { $0.used ? "yes" : "no" } ?? "—",
                     c.drugScreen?.result.rawValue ?? "—",
                     c.safetyFlag.map { $0.status == .open ? "OPEN" : $0.status.rawValue } ?? ""]
                })
            if checkIns.isEmpty { Output.line("No check-ins recorded for \(id).") }
            SafetyFlagLines(checkIns, in: try caseload.program().timeZone).print()
            reportDamage(loaded.damaged)
        }
    }

    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "acknowledge",
            abstract: "Close a safety flag with a risk assessment (counselors and supervisors).",
            discussion: """
                Every question is answered yes or no: \(RiskQuestion.allCases.map { "--\($0.rawValue) (\($0.question))" }.joined(separator: " "))
                A high-risk assessment leaves the flag awaiting a supervisor's review (`caseload checkin review`).
                Example: caseload checkin acknowledge P-0007 C-20261120-k3x9qa --death yes --self-harm no --method no \\
                --intent no --plan no --behavior no --protective "Children at home; sponsor" --risk low \\
                --action safety-plan --action crisis-line --follow-up 2026-11-21
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "Check-in id of the flag.") var checkIn: String
        @Option(name: .customLong("death"), help: ArgumentHelp(RiskQuestion.thoughtsOfDeath.question, valueName: "yes|no"))
        var thoughtsOfDeath: YesNo?
        @Option(name: .customLong("self-harm"), help: ArgumentHelp(RiskQuestion.thoughtsOfSelfHarm.question, valueName: "yes|no"))
        var thoughtsOfSelfHarm: YesNo?
        @Option(help: ArgumentHelp(RiskQuestion.method.question, valueName: "yes|no")) var method: YesNo?
        @Option(help: ArgumentHelp(RiskQuestion.intent.question, valueName: "yes|no")) var intent: YesNo?
        @Option(help: ArgumentHelp(RiskQuestion.plan.question, valueName: "yes|no")) var plan: YesNo?
        @Option(name: .customLong("behavior"), help: ArgumentHelp(RiskQuestion.recentBehavior.question, valueName: "yes|no"))
        var recentBehavior: YesNo?
        @Option(help: "Protective factors (write \"None identified\" if there are none).") var protective = ""
        @Option(help: "Risk level: low, moderate or high.") var risk: RiskLevel?
        @Option(help: ArgumentHelp(
            "An action taken: \(RiskAction.allCases.map(\.rawValue).joined(separator: ", ")). Repeatable.", valueName: "action"))
        var action: [RiskAction] = []
        @Option(help: "Another action taken, in your own words.") var otherAction: String?
        @Option(help: "Date of the follow-up (today, or a date to come).") var followUp: String?

        func run() throws {
            let acting = try store.open()
            let given: [RiskQuestion: YesNo?] = [
                .thoughtsOfDeath: thoughtsOfDeath, .thoughtsOfSelfHarm: thoughtsOfSelfHarm, .method: method,
                .intent: intent, .plan: plan, .recentBehavior: recentBehavior,
            ]
            let request = RiskAssessmentRequest(
                participant: ParticipantID(participant), checkIn: CheckInID(checkIn),
                answers: given.compactMapValues { $0.map { $0 == .yes } }, protectiveFactors: protective,
                riskLevel: risk, actions: Set(action), otherAction: otherAction,
                followUp: try followUp.map { try parseDate($0, today: try acting.today()) })
            let outcome = try acting.caseload.assessSafetyFlag(request, by: acting.staff.id)
            let flag = outcome.record.safetyFlag
            let level = flag?.assessment?.riskLevel.rawValue ?? ""
            if flag?.isAwaitingReview == true {
                Output.line(
                    "Risk assessment saved for \(outcome.record.id): \(level) risk. The flag stays open, awaiting a "
                        + "supervisor's review: caseload checkin review \(outcome.record.participant) \(outcome.record.id)")
            } else {
                Output.line("Risk assessment saved for \(outcome.record.id): \(level) risk. The safety flag is closed.")
            }
            Output.warnings(outcome.warnings)
        }
    }

    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Record a supervisor's review of a high-risk assessment, which closes its flag.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "Check-in id of the flag.") var checkIn: String
        @Option(help: "What you add to the assessment, if anything.") var note: String?

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.reviewRiskAssessment(
                of: CheckInID(checkIn), participant: ParticipantID(participant), note: note, by: acting.staff.id)
            Output.line("Review recorded; the safety flag on \(outcome.record.id) is closed.")
            Output.warnings(outcome.warnings)
        }
    }

    struct Flag: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "flag",
            abstract: "Raise a safety flag by hand for a concern voiced in session.",
            discussion: "Example: caseload checkin flag P-0007 --reason \"Spoke of giving belongings away\"")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Option(help: "The concern, as heard in session.") var reason: String
        @Option(help: "Date the concern was voiced (default today).") var date = "today"

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.raiseSafetyFlag(
                for: ParticipantID(participant), on: try parseDate(date, today: try acting.today()), concern: reason,
                by: acting.staff.id)
            let saved = outcome.record
            Output.line(
                "Safety flag \(saved.id) raised for \(saved.participant) on \(saved.date). Follow the program's safety "
                    + "protocol, then record the risk assessment with: caseload checkin acknowledge \(saved.participant) \(saved.id)")
            Output.warnings(outcome.warnings)
        }
    }
}

/// A yes/no answer on the command line.
enum YesNo: String, ExpressibleByArgument, CaseIterable {
    case yes, no
}

extension RiskLevel: ExpressibleByArgument {}
extension RiskAction: ExpressibleByArgument {}
