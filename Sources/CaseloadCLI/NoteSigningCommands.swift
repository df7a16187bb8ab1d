import ArgumentParser
import CaseloadCore
import Foundation

extension NoteCommand {
    struct SignReady: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sign-ready",
            abstract: "Sign every note of a session that is ready; says why the others were left.",
            discussion: """
                Each note is signed whole: for a group, the shared narrative as it stands plus the member's own entry.
                A member's own entry that names another member is signed only when that member's id is given with
                --acknowledge-names.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Session id.") var session: String
        @Option(help: "A member whose entry may name another member (you have checked it must). Repeatable.")
        var acknowledgeNames: [String] = []

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.signReadyNotes(
                in: SessionID(session), by: acting.staff.id, acknowledgingNamesFor: Set(acknowledgeNames.map { ParticipantID($0) }))
            let result = outcome.record
            Output.line(
                "Signed the notes for \(result.signed.map(\.rawValue).joined(separator: ", ")) as \(acting.staff.signatureLine).")
            for skipped in result.skipped { Output.paragraph("Not signed, \(skipped.participant): \(skipped.reason)") }
            Output.warnings(outcome.warnings)
        }
    }

    struct CoSignQueue: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cosign-queue",
            abstract: "List signed notes waiting for your co-signature, oldest first (supervisors).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "First session day (default: 30 days ago).") var from: String?
        @Option(help: "Last session day (default: today).") var to: String?

        func run() throws {
            let acting = try store.open()
            let today = try acting.today()
            let first = try from.map { try parseDate($0, today: today) } ?? today.adding(days: -30)
            let last = try to.map { try parseDate($0, today: today) } ?? today
            guard first <= last else { throw CommandFailure("--from \(first) is after --to \(last).") }
            let queue = try acting.caseload.coSignQueue(for: acting.staff.id, from: first, through: last)
            if output.json { return try Output.json(queue.records.map(CoSignLine.init)) }
            let timeZone = try acting.caseload.program().timeZone
            Output.table(
                ["SESSION", "DATE", "KIND", "PARTICIPANT", "SIGNED BY", "SIGNED"],
                queue.records.map { request in
                    [request.session.rawValue, request.date.description, request.kind.rawValue, request.participant.rawValue,
                     request.signature.by.rawValue, timeZone.wallClock(request.signature.at)]
                })
            if queue.records.isEmpty { Output.line("No signed notes from \(first) to \(last) wait for your co-signature.") }
            reportDamage(queue.damaged)
        }
    }
}

/// What `note cosign-queue --json` prints per note.
private struct CoSignLine: Encodable {
    let session: SessionID
    let date: LocalDate
    let kind: SessionKind
    let participant: ParticipantID
    let signedBy: StaffID
    let signedAt: Date

    init(_ request: CoSignRequest) {
        session = request.session
        date = request.date
        kind = request.kind
        participant = request.participant
        signedBy = request.signature.by
        signedAt = request.signature.at
    }
}
