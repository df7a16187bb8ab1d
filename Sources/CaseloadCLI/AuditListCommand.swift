import ArgumentParser
import CaseloadCore
import Foundation

struct AuditListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List audit lines for an access review or an accounting of disclosures (administrators and supervisors).",
        discussion: """
            Each line: when (on the program's clock), who, what, and which record ("all" for a search or export of \
            everything). --participant also lists the searches and exports of "all", which took in their record. \
            The review itself is recorded as an audit.review line.
            """)

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only lines about this participant's record.") var participant: String?
    @Option(help: "Only lines by this staff member.") var staff: String?
    @Option(help: "First day (YYYY-MM-DD, today or yesterday).") var from: String?
    @Option(help: "Last day (YYYY-MM-DD, today or yesterday).") var to: String?

    func run() throws {
        let acting = try store.open()
        let today = try acting.today()
        let first = try from.map { try parseDate($0, today: today) }
        let last = try to.map { try parseDate($0, today: today) }
        if let first, let last, first > last { throw CommandFailure("--from \(first) is after --to \(last).") }
        let review = try acting.caseload.reviewAuditLog(
            AuditQuery(participant: participant.map { ParticipantID($0) }, staff: staff.map { StaffID($0) }, from: first, through: last),
            by: acting.staff.id)
        let timeZone = try acting.caseload.program().timeZone
        let lines = review.entries.map { AuditListing($0, in: timeZone) }
        if output.json {
            try Output.json(lines)
        } else {
            Output.table(["TIME", "STAFF", "ACTION", "RECORD"], lines.map { [$0.time, $0.staff, $0.action, $0.record] })
            if lines.isEmpty { Output.line("No audit lines match.") }
        }
        for line in review.unreadableLines {
            Output.warning("\(line) could not be read, so this list may be missing it; run caseload audit verify.")
        }
        Output.warnings(review.warnings)
    }
}

/// One audit line as `audit list` shows it: the time on the program's clock, with the zone named.
struct AuditListing: Encodable {
    /// The moment itself, in UTC, for scripts.
    let at: Date
    /// "2026-11-23 14:00 CST".
    let time: String
    let staff: String
    let action: String
    let record: String
    /// Set on a change: the record revision it produced.
    let revision: Int?

    init(_ entry: AuditEntry, in timeZone: TimeZone) {
        at = entry.at
        time = timeZone.wallClock(entry.at)
        staff = entry.staff.rawValue
        action = entry.action.rawValue
        record = entry.record.rawValue
        revision = entry.revision
    }
}
