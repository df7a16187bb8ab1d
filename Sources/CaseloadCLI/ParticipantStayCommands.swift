import ArgumentParser
import CaseloadCore
import Foundation

/// The commands that move a participant through care: step down or up, discharge, readmit.
extension ParticipantCommand {
    struct Transition: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "transition",
            abstract: "Move a participant to another level of care (step down or up).",
            discussion: """
                A change dated after today is scheduled, at most \(LevelOfCareChange.schedulingHorizonDays) days ahead: it takes effect on its date. A new
                decision replaces the scheduled changes dated on or after it.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var id: String
        @Option(help: "New level: php, iop, op or aftercare.") var to: LevelOfCare
        @Option(help: "Effective date (default today).") var date = "today"
        @Option(help: "Clinical reason for the change.") var reason: String

        func run() throws {
            let acting = try store.open()
            let effective = try parseDate(date, today: try acting.today())
            let outcome = try acting.caseload.transition(
                ParticipantID(id), to: to, on: effective, reason: reason, by: acting.staff.id)
            let from = outcome.record.levelOfCareBeforeLatestChange
            Output.line("\(outcome.record.id): \(from.abbreviation) → \(to.abbreviation) from \(effective).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Discharge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "discharge",
            abstract: "Discharge a participant with an aftercare plan.",
            discussion: """
                A completed or step-down discharge needs at least one --support-group, --follow-up or --sober-living.
                While a safety flag is open, only a supervisor can discharge, with --override-open-flag and the reason.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var id: String
        @Option(help: "completed, step-down, against-advice, administrative or transferred.")
        var type: DischargeType
        @Option(help: "Discharge date (default today).") var date = "today"
        @Option(help: "Discharge summary.") var summary: String
        @Option(help: "An aftercare support group, e.g. \"SMART Recovery, Tuesdays\". Repeatable.")
        var supportGroup: [String] = []
        @Option(help: ArgumentHelp("A follow-up appointment: \"YYYY-MM-DD|with whom|purpose\". Repeatable.", valueName: "appointment"))
        var followUp: [String] = []
        @Option(help: "Sober living arrangement, if any.") var soberLiving: String?
        @Option(help: ArgumentHelp("Supervisors only: why the discharge goes ahead with a safety flag still open.", valueName: "reason"))
        var overrideOpenFlag: String?

        func run() throws {
            let acting = try store.open()
            let today = try acting.today()
            let request = DischargeRequest(
                date: try parseDate(date, today: today), type: type, summary: summary,
                aftercare: AftercarePlan(
                    supportGroups: supportGroup, followUps: try followUp.map { try parseFollowUp($0, today: today) },
                    soberLiving: soberLiving),
                openFlagOverride: overrideOpenFlag)
            let outcome = try acting.caseload.discharge(ParticipantID(id), request, by: acting.staff.id)
            Output.line("Discharged \(outcome.record.id) (\(type.title.lowercased())).")
            Output.warnings(outcome.warnings)
        }

        private func parseFollowUp(_ text: String, today: LocalDate) throws -> FollowUpAppointment {
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 3 else {
                throw CommandFailure("Write a follow-up as \"YYYY-MM-DD|with whom|purpose\".")
            }
            return FollowUpAppointment(date: try parseDate(parts[0], today: today), with: parts[1], purpose: parts[2])
        }
    }

    struct Readmit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "readmit",
            abstract: "Readmit a discharged participant: a new stay starts and the earlier one is kept.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var id: String
        @Option(help: "Readmission date (default today).") var date = "today"
        @Option(help: "Level of care: php, iop, op or aftercare.") var level: LevelOfCare
        @Option(help: "Clinical reason for readmission.") var reason: String

        func run() throws {
            let acting = try store.open()
            let readmitted = try parseDate(date, today: try acting.today())
            let outcome = try acting.caseload.readmit(
                ParticipantID(id), on: readmitted, to: level, reason: reason, by: acting.staff.id)
            let episodes = outcome.record.previousEpisodes.count
            Output.line(
                "Readmitted \(outcome.record.id) to \(level.abbreviation) on \(readmitted); "
                    + "\(episodes) earlier stay\(episodes == 1 ? "" : "s") kept.")
            Output.warnings(outcome.warnings)
        }
    }
}
