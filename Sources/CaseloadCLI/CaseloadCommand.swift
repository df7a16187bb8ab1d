import ArgumentParser
import CaseloadCore
import Foundation

/// `caseload`: with no subcommand it opens the console; subcommands script every domain operation.
public struct CaseloadCommand: ParsableCommand {
    // Every command names itself (`commandName`): left out, ArgumentParser derives each name from
    // its type through `String(describing:)`, a protocol-conformance search per command that cost
    // every process several milliseconds before it did anything.
    public static let configuration = CommandConfiguration(
        commandName: "caseload",
        abstract: "A keyboard-driven console for IOP and PHP caseloads.",
        discussion: """
            With no subcommand, opens the console on the caseload in --data.
            Try it on made-up data first: caseload --demo
            $CASELOAD_NOW (ISO 8601 with offset) stops the clock at that moment, for demos,
            support and tests; every save made that way says so.
            """,
        version: "0.1.0",
        subcommands: [
            InitCommand.self, DemoCommand.self, StaffCommand.self, ParticipantCommand.self,
            PlanCommand.self, SessionCommand.self, NoteCommand.self, CheckInCommand.self, SettingsCommand.self,
            CheckCommand.self, AuditCommand.self, ReportCommand.self,
            ExportCommand.self, ImportCommand.self, RenderCommand.self, KeysCommand.self,
        ]
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var console: ConsoleOptions

    @Flag(name: .long, help: "Open the console on a fresh demo caseload in a temporary folder.")
    var demo = false

    public init() {}

    /// ArgumentParser's `main`, except that an error's message passes through `Output.visible`
    /// like everything else printed: a refusal may echo an id or a path read from a damaged file.
    public static func main() {
        ProcessLimits.forbidCoreDumps()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                // --help and --version: ArgumentParser's own text, to stdout.
                print(message)
            } else if !message.isEmpty {
                FileHandle.standardError.write(Data((Output.visible(message, keepingLineBreaks: true) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }

    public func run() throws {
        try ConsoleLauncher(store: store, console: console).run(demo: demo)
    }
}
