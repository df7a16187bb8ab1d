import ArgumentParser
import CaseloadCore
import Foundation

/// Where the caseload lives and who is acting: shared by every command that touches data.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp(
            "The caseload's data folder.",
            discussion: "Defaults to $CASELOAD_DATA, then $XDG_DATA_HOME/caseload, then ~/.local/share/caseload.",
            valueName: "dir"))
    var data: String?

    @Option(
        name: .customLong("as"),
        help: ArgumentHelp(
            "The staff member acting (their login name). Defaults to $CASELOAD_USER, then $USER.",
            valueName: "id"))
    var actingStaff: String?

    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The folder the caseload lives in. `--data ''` is refused, never read as the current folder.
    var dataFolder: URL {
        get throws {
            if let data {
                guard !data.isEmpty else { throw StoreError.dataFolderTooBroad("") }
                return URL(fileURLWithPath: data)
            }
            if let folder = environment["CASELOAD_DATA"], !folder.isEmpty {
                return URL(fileURLWithPath: folder)
            }
            if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
                return URL(fileURLWithPath: xdg).appendingPathComponent("caseload")
            }
            return FileManager.default.homeDirectoryForCurrentUser
                .appendingPathComponent(".local/share/caseload")
        }
    }

    /// Who is acting: `--as`, then `$CASELOAD_USER`, then `$USER`, skipping empty ones; nil when none is set.
    var givenStaffID: StaffID? {
        [actingStaff, environment["CASELOAD_USER"], environment["USER"]]
            .compactMap { $0?.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }.map { StaffID($0) }
    }

    /// Who is acting; refused when nobody is named, rather than guessing.
    func staffID() throws -> StaffID {
        guard let id = givenStaffID else { throw DomainError.noActingStaff }
        return id
    }

    /// The program's one clock: pinned by `$CASELOAD_NOW` when it is set.
    func clock() throws -> Clock {
        try Clock.from(environment: environment)
    }

    /// The caseload, before anyone has been checked as acting on it (for `staff add` on an empty caseload).
    func openCaseload() throws -> Caseload {
        Caseload(store: try CaseloadStore.open(at: try dataFolder, clock: try clock()))
    }

    /// The caseload and the active staff member acting on it; every command, reads included, acts as someone.
    func open() throws -> Acting {
        let caseload = try openCaseload()
        return Acting(caseload: caseload, staff: try caseload.actingStaff(try staffID()))
    }
}

/// An open caseload and the staff member acting on it.
struct Acting {
    let caseload: Caseload
    let staff: Staff

    var store: CaseloadStore { caseload.store }

    /// Today on the program's calendar, by the program's clock.
    func today() throws -> LocalDate { try caseload.today() }

    /// Records a read in the audit log; when the line cannot be written the read still goes ahead
    /// and says so on stderr.
    func recordAccess(_ access: RecordAccess) {
        if let warning = caseload.recordAccess(access, by: staff.id) { Output.warnings([warning]) }
    }
}

/// Flags every list and show command has.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts (stable field names).")
    var json = false
}

/// A command failed for a reason the user can act on; printed as one sentence.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
