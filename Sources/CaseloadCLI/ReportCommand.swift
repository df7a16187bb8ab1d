import ArgumentParser
import CaseloadCore
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports a supervisor can hand on: one participant's progress, or the program's week.",
        subcommands: [Progress.self, Program.self])

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv }

    struct Progress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "progress",
            abstract: "Scores over time, hours per week against the requirement, plan status and safety flags of the current stay.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id, e.g. P-0007.") var participant: String
        @Option(help: "text, json or csv.") var format: Format = .text

        func run() throws {
            let acting = try store.open()
            let id = ParticipantID(participant)
            // Refused before the look is recorded when there is no such participant.
            let read = try acting.caseload.progressReport(of: id)
            acting.recordAccess(.participantView(id))
            let report = read.report
            switch format {
            case .text: ReportText.print(report.textBlocks)
            case .json: try Output.json(report)
            case .csv: print(ReportCSV.progress(report), terminator: "")
            }
            reportDamage(read.damaged)
        }
    }

    struct Program: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "program",
            abstract: "One week of the program: census by level of care, admissions and discharges, hours, score change, flags, late notes; per counselor.",
            discussion: "Each counselor's line counts their own caseload (the participants they are primary counselor of).")

        @OptionGroup var store: StoreOptions
        @Option(help: "A day of the week to report (Monday to Sunday; default this week).") var week = "today"
        @Option(help: "text, json or csv.") var format: Format = .text

        func run() throws {
            let acting = try store.open()
            let day = try parseDate(week, today: try acting.today())
            let read = try acting.caseload.programReport(week: day.isoWeek)
            let report = read.report
            switch format {
            case .text: ReportText.print(report.textBlocks)
            case .json: try Output.json(report)
            case .csv: print(ReportCSV.program(report), terminator: "")
            }
            reportDamage(read.damaged)
        }
    }
}
