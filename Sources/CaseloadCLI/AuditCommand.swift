import ArgumentParser
import CaseloadCore

/// `caseload audit`: the audit log itself.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check or list the audit log.",
        subcommands: [AuditVerifyCommand.self, AuditListCommand.self])
}

struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no audit line was changed, deleted or moved; exits 1 naming the first one that was.",
        discussion: "Each line carries its number in its month file and the SHA-256 of the line before it; the first line of a month follows the last line of the month before. Nothing is changed.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let caseload = try store.open().store
        let verification = try AuditLog(dataFolder: caseload.folder).verify()
        guard let broken = verification.firstBreak else {
            Output.line(verification.summary)
            return
        }
        Output.line(broken.description)
        throw ExitCode(1)
    }
}
