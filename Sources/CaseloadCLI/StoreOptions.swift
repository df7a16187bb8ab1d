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

    var dataFolder: URL {
        if let data { return URL(fileURLWithPath: data) }
        if let folder = environment["CASELOAD_DATA"], !folder.isEmpty {
            return URL(fileURLWithPath: folder)
        }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("caseload")
        }
        return FileManager.default.homeDirectoryForCurrentUser
            .appendingPathComponent(".local/share/caseload")
    }

    var staffID: StaffID {
        StaffID(actingStaff ?? environment["CASELOAD_USER"] ?? environment["USER"] ?? "unknown")
    }

    func openStore() throws -> CaseloadStore {
        try CaseloadStore.open(at: dataFolder)
    }

    /// Opens the store and checks the acting staff member may write to it.
    func openForWriting() throws -> (store: CaseloadStore, staff: Staff) {
        let store = try openStore()
        return (store, try activeStaff(in: store))
    }

    func activeStaff(in store: CaseloadStore) throws -> Staff {
        let staff: Staff
        do {
            staff = try store.staffMember(staffID)
        } catch .recordNotFound, .invalidRecordID {
            throw CommandFailure(
                "\(staffID) is not on this caseload's staff list; add them with `caseload staff add \(staffID)` or act as someone else with --as.")
        }
        guard staff.isActive else {
            throw CommandFailure("\(staffID) is no longer an active staff member.")
        }
        return staff
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
