import ArgumentParser
import CaseloadCore
import Foundation

struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin", abstract: "Record and list progress check-ins.",
        subcommands: [Add.self, List.self, Acknowledge.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
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
                    "SAFETY FLAG: PHQ-9 item 9 answered \(flag.itemNineAnswer). Follow the program's safety protocol, then record the action with: caseload checkin acknowledge \(saved.participant) \(saved.id) --action \"...\"")
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
        static let configuration = CommandConfiguration(abstract: "List a participant's check-ins, oldest first.")

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
                     c.safetyFlag.map { $0.isOpen ? "OPEN" : "acknowledged" } ?? ""]
                })
            if checkIns.isEmpty { Output.line("No check-ins recorded for \(id).") }
            reportDamage(loaded.damaged)
        }
    }

    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Close a check-in's safety flag with the action taken.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "Check-in id.") var checkIn: String
        @Option(help: "What was done: assessment, safety plan, referral…") var action: String

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.acknowledgeSafetyFlag(
                of: CheckInID(checkIn), participant: ParticipantID(participant), action: action, by: acting.staff.id)
            Output.line("Safety flag on \(outcome.record.id) acknowledged.")
            Output.warnings(outcome.warnings)
        }
    }
}
