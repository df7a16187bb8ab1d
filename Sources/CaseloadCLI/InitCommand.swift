import ArgumentParser
import CaseloadCore
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty caseload (does nothing to an existing one).")

    @OptionGroup var store: StoreOptions

    @Option(help: "The program's name, as shown in the console header.")
    var program = "Outpatient Program"

    @Option(help: "The program's time zone (IANA name such as America/Chicago).")
    var timeZone = TimeZone.current.identifier

    func run() throws {
        let folder = try store.dataFolder
        // Nobody is on the staff list yet: the creator is whoever the login says, if anyone.
        let created = try Caseload.create(
            at: folder, programName: program, timeZone: timeZone, by: store.givenStaffID ?? "setup",
            clock: try store.clock())
        Output.line(
            created
                ? "Created an empty caseload in \(folder.path). Next, add its first administrator: caseload staff add \(store.givenStaffID?.rawValue ?? "YOUR-LOGIN") --name \"Your Name\" --role admin"
                : "\(folder.path) already holds a caseload; nothing was changed.")
    }
}
