import ArgumentParser
import CaseloadCore
import Foundation

extension NoteCommand {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Find text in notes, shared narratives and addenda (ignoring case and accents).",
            discussion: "Example: caseload note search \"relapse plan\" --participant P-0007 --from 2026-01-01")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The text to find.") var text: String
        @Option(help: "Only this participant's notes and the narratives of their groups.") var participant: String?
        @Option(help: "First session day (YYYY-MM-DD, today or yesterday).") var from: String?
        @Option(help: "Last session day (YYYY-MM-DD, today or yesterday).") var to: String?

        func validate() throws {
            guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw ValidationError("Give the text to find, for example: caseload note search \"relapse plan\".")
            }
        }

        func run() throws {
            let acting = try store.open()
            let today = try acting.today()
            let first = try from.map { try parseDate($0, today: today) }
            let last = try to.map { try parseDate($0, today: today) }
            if let first, let last, first > last { throw CommandFailure("--from \(first) is after --to \(last).") }
            let query = NoteSearchQuery(text: text, participant: participant.map { ParticipantID($0) }, from: first, through: last)
            let result = acting.caseload.searchNotes(query, by: acting.staff.id)
            if output.json {
                try Output.json(result.hits)
            } else {
                Output.table(
                    ["DATE", "SESSION", "PARTICIPANT", "WHERE", "EXCERPT"],
                    result.hits.map { hit in
                        [hit.date.description, hit.session.rawValue, hit.participant?.rawValue ?? "(group)", hit.field, hit.excerpt]
                    })
                if result.hits.isEmpty { Output.line("No notes match \"\(text)\".") }
            }
            reportDamage(result.damaged)
            Output.warnings(result.warnings)
        }
    }
}
