import ArgumentParser
import CaseloadCore
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify every file of the caseload; exits non-zero when anything is damaged (warnings alone exit 0).",
        discussion: "Nothing is changed unless --repair is given, and even then only derived files (the roster index, the note search index) and leftover temporary files are touched — never a record. The last line before the summary gives the note search index's size.")

    @OptionGroup var store: StoreOptions
    @OptionGroup var output: OutputOptions
    @Flag(help: "Rebuild the roster index and the note search index, and remove temporary files left by an interrupted save.")
    var repair = false

    func run() throws {
        let caseload = try store.open().store
        let report = try caseload.check(repair: repair)
        if output.json {
            try Output.json(report)
        } else {
            for finding in report.findings { Output.line(finding.description) }
            for warning in report.warnings { Output.line("Warning: " + warning.description) }
            if let size = report.noteIndex { Output.line("Note search index \(size.description).") }
            Output.line(report.summary)
        }
        if !report.isHealthy { throw ExitCode(1) }
    }
}
