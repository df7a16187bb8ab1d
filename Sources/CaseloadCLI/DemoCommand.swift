import ArgumentParser
import CaseloadCore
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Write a realistic, invented demo caseload into the data folder.",
        discussion: """
            The same options give the same caseload (dates end today). A ten-year site:
              caseload demo --participants 3000 --weeks 520 --seed 1
            --force replaces a folder made by `caseload demo`; a real caseload is never replaced.
            """)

    @OptionGroup var store: StoreOptions
    @Option(help: "Participants admitted over the whole history (70 gives about 40 in care today).")
    var participants = 70
    @Option(help: "Weeks of history ending today.") var weeks = 8
    @Option(help: "Seed for the invented data.") var seed: UInt64 = 1
    @Flag(help: "Replace an existing demo caseload in the folder.") var force = false

    func validate() throws {
        guard participants >= 1 else { throw ValidationError("--participants must be at least 1.") }
        guard (1...2000).contains(weeks) else { throw ValidationError("--weeks must be between 1 and 2000.") }
    }

    func run() throws {
        let folder = try store.dataFolder
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        if !contents.isEmpty {
            guard let recorded = DemoManifest.recorded(in: folder) else {
                throw CommandFailure(
                    "\(folder.path) is not empty and was not made by `caseload demo`; Caseload never overwrites it. Choose another folder with --data.")
            }
            guard force else {
                throw CommandFailure("\(folder.path) already holds a demo caseload; add --force to replace it.")
            }
            // Only a demo nobody has used: a save, an edit or a copied-in file may be someone's work.
            if let changed = try recorded.firstDifference(in: folder) {
                throw CommandFailure(
                    "\(changed) in \(folder.path) is not as `caseload demo` wrote it, so the folder may hold real "
                        + "work and is not replaced; choose another folder with --data, or remove this one yourself.")
            }
            try FileManager.default.removeItem(at: folder)
        }
        let clock = try store.clock()
        let options = DemoWriter.defaultOptions(clock: clock, participants: participants, weeks: weeks, seed: seed)
        let summary = try DemoWriter.write(options, into: folder, clock: clock, showProgress: true).summary
        Output.line(
            "Wrote \(summary.participants) participants (\(summary.discharged) discharged), \(summary.staff) staff, "
                + "\(summary.sessions) sessions and \(summary.checkIns) check-ins.")
        Output.line("Demo caseload in \(folder.path). Open it with: caseload --data \(folder.path) --as \(DemoStaffHint.firstCounselor(in: folder))")
    }
}

/// The demo's first counselor, so the closing hint names someone who can sign in.
enum DemoStaffHint {
    static func firstCounselor(in folder: URL) -> String {
        let staff = (try? CaseloadStore.open(at: folder).staff().records) ?? []
        return staff.sorted { $0.id < $1.id }.first { $0.role == .counselor }?.id.rawValue ?? "ID"
    }
}
