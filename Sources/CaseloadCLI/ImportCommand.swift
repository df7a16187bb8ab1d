import ArgumentParser
import CaseloadCore
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Bring records in from other tools.", subcommands: [Participants.self])

    struct Participants: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "participants",
            abstract: "Admit the participants of a roster kept in a spreadsheet (CSV).",
            discussion: """
                Columns are found by their header: first and last name (or one name column written "Last, First"), \
                date of birth, admission date, level of care and track are needed; id, preferred name, pronouns, \
                phone, referral source, primary counselor (id or name), status, diagnoses, discharge date and \
                discharge type are read when present. README lists the header spellings understood. Dates are \
                YYYY-MM-DD. A file written by `caseload export --format csv` (participants.csv) reads back as it was, \
                ids included.
                Every row is checked before anything is written: if any row has a problem, each is named with its line \
                and column and nothing is imported, unless --skip-bad-rows imports the others. Nobody is admitted \
                twice: a row with the name and date of birth of someone on file is a problem.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: ArgumentHelp("The roster, as CSV (UTF-8, with a header row).", valueName: "file.csv")) var file: String
        @Flag(help: "Check every row and report; write nothing.") var dryRun = false
        @Flag(help: "Import the rows without problems and report the others.") var skipBadRows = false

        func run() throws {
            let acting = try store.open()
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw CommandFailure("Could not read \(file); check the path and that you may read it.")
            }
            let rows = try CSVReader.rows(data)
            guard let header = rows.first else { throw CommandFailure("\(file) is empty; it needs a header row and a row per participant.") }
            let columns = try RosterColumns(header: header.cells)
            if !columns.ignored.isEmpty {
                Output.warning("Not imported (Caseload has no field for them): \(columns.ignored.map { "\"\($0)\"" }.joined(separator: ", ")).")
            }
            var read: [ImportedParticipant] = []
            var unreadable: [ImportProblem] = []
            for row in rows.dropFirst() {
                switch RosterRow(columns: columns).read(row) {
                case .read(let participant): read.append(participant)
                case .unreadable(let problems): unreadable += problems
                }
            }
            let mode: ImportMode = dryRun ? .dryRun : skipBadRows ? .skippingBadRows : .allOrNothing
            let report = try acting.caseload.importParticipants(read, unreadable: unreadable, mode: mode, by: acting.staff.id)
            ImportReportText(report: report, columns: columns, rows: rows.count - 1, mode: mode).print()
            if let interruption = report.interruption { throw CaseloadError.store(interruption) }
            if !report.problems.isEmpty, mode != .skippingBadRows { throw ExitCode(1) }
        }
    }
}
