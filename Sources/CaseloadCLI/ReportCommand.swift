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
            let participant = try acting.store.participant(ParticipantID(participant))
            acting.recordAccess(.participantView(participant.id))
            let today = try acting.today()
            let checkIns = acting.store.checkIns(of: participant.id)
            let sessions = acting.store.sessions(
                from: participant.admissionDate, through: min(today, participant.discharge?.date ?? today))
            let report = ProgressReport(
                participant: participant, checkIns: checkIns.records, sessions: sessions.records,
                settings: try acting.caseload.program(), today: today)
            switch format {
            case .text: ReportText.progress(report)
            case .json: try Output.json(report)
            case .csv: print(ReportCSV.progress(report), terminator: "")
            }
            reportDamage(checkIns.damaged + sessions.damaged)
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
            let participants = acting.store.participants()
            let checkIns = acting.store.allCheckIns()
            let sessions = acting.store.sessions(in: day.isoWeek)
            let report = ProgramReport(
                week: day.isoWeek, participants: participants.records, checkIns: checkIns.records,
                sessions: sessions.records, settings: try acting.caseload.program(), now: acting.store.clock.now())
            switch format {
            case .text: ReportText.program(report)
            case .json: try Output.json(report)
            case .csv: print(ReportCSV.program(report), terminator: "")
            }
            reportDamage(participants.damaged + checkIns.damaged + sessions.damaged)
        }
    }
}
