import ArgumentParser
import CaseloadCore
import Foundation

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Add and list staff members.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a staff member.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Their login name, used with --as and $USER.") var id: String
        @Option(help: "Full name as it appears on notes.") var name: String
        @Option(help: "Credentials written after the name, e.g. LCSW.") var credentials = ""
        @Option(help: "counselor, supervisor or admin.") var role: StaffRole = .counselor

        func run() throws {
            let caseload = try store.openStore()
            // The first staff member bootstraps an empty caseload; after that an existing one acts.
            let existing = caseload.staff().records
            let actor = existing.isEmpty ? StaffID(id) : try store.activeStaff(in: caseload).id
            let member = Staff(
                id: StaffID(id), displayName: name, credentials: credentials, role: role,
                revision: Revision(createdAt: Date(), createdBy: actor))
            try caseload.add(member, action: .staffAdd, by: actor)
            Output.line("Added \(member.signatureLine) (\(id), \(role.rawValue)).")
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List staff members.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let loaded = try store.openStore().staff()
            let staff = loaded.records.sorted { $0.id < $1.id }
            if output.json { return try Output.json(staff) }
            Output.table(
                ["ID", "NAME", "CREDENTIALS", "ROLE", "ACTIVE"],
                staff.map { [$0.id.rawValue, $0.displayName, $0.credentials, $0.role.rawValue, $0.isActive ? "yes" : "no"] })
            if staff.isEmpty { Output.line("No staff yet; add someone with `caseload staff add`.") }
            reportDamage(loaded.damaged)
        }
    }
}

extension StaffRole: ExpressibleByArgument {}
extension LevelOfCare: ExpressibleByArgument {}
extension Track: ExpressibleByArgument {}
extension SessionKind: ExpressibleByArgument {}
extension NoteFormat: ExpressibleByArgument {}
extension DischargeType: ExpressibleByArgument {}
extension AttendanceStatus: ExpressibleByArgument {}
extension ParticipantStatus: ExpressibleByArgument {}
extension DrugScreenResult: ExpressibleByArgument {}

/// Damaged files never stop a listing; they are named after it, on stderr (paths only).
func reportDamage(_ damaged: [RecordDamage]) {
    for damage in damaged {
        FileHandle.standardError.write(Data("Warning: \(damage)\n".utf8))
    }
}
