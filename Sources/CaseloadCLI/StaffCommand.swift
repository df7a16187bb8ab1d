import ArgumentParser
import CaseloadCore
import Foundation

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Add, change, deactivate and list staff members (administrators).",
        subcommands: [Add.self, Edit.self, Deactivate.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a staff member.",
            discussion: """
                The first staff member of an empty caseload adds themselves and must be an administrator;
                after that, an administrator adds everyone else.
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Their login name, used with --as and $USER.") var id: String
        @Option(help: "Full name as it appears on notes.") var name: String
        @Option(help: "Credentials written after the name, e.g. LCSW.") var credentials = ""
        @Option(help: "counselor, supervisor or admin.") var role: StaffRole = .counselor

        func run() throws {
            let caseload = try store.openCaseload()
            let outcome = try caseload.addStaff(
                StaffID(id), displayName: name, credentials: credentials, role: role, by: store.givenStaffID)
            let member = outcome.record
            Output.line("Added \(member.signatureLine) (\(member.id), \(member.role.rawValue)).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a staff member's name, credentials, role or status.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Their login name.") var id: String
        @Option(help: "Full name as it appears on notes.") var name: String?
        @Option(help: "Credentials written after the name.") var credentials: String?
        @Option(help: "counselor, supervisor or admin.") var role: StaffRole?
        @Flag(help: "Make a deactivated staff member active again.") var reactivate = false

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.changeStaff(
                StaffID(id),
                StaffChange(displayName: name, credentials: credentials, role: role, isActive: reactivate ? true : nil),
                by: acting.staff.id)
            let member = outcome.record
            Output.line("Saved \(member.signatureLine) (\(member.id), \(member.role.rawValue)).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deactivate",
            abstract: "Stop a staff member from acting; their notes and signatures stay as they are.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Their login name.") var id: String

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.changeStaff(StaffID(id), StaffChange(isActive: false), by: acting.staff.id)
            Output.line("Deactivated \(outcome.record.id); they can no longer act in this caseload.")
            Output.warnings(outcome.warnings)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List staff members.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let loaded = try store.open().store.staff()
            let staff = loaded.records.sorted { $0.id < $1.id }
            if output.json { return try Output.json(staff) }
            Output.table(
                ["ID", "NAME", "CREDENTIALS", "ROLE", "ACTIVE"],
                staff.map { [$0.id.rawValue, $0.displayName, $0.credentials, $0.role.rawValue, $0.isActive ? "yes" : "no"] })
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
