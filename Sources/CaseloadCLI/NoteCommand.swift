import ArgumentParser
import CaseloadCore
import Foundation

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Write, sign, co-sign and amend session notes.",
        subcommands: [Write.self, Link.self, Narrative.self, Sign.self, SignReady.self, CoSign.self, CoSignQueue.self, Addendum.self, Search.self])

    /// The session and participant every note command names.
    struct NoteTarget: ParsableArguments {
        @Argument(help: "Session id.") var session: String
        @Argument(help: "Participant id.") var participant: String

        var sessionID: SessionID { SessionID(session) }
        var participantID: ParticipantID { ParticipantID(participant) }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write",
            abstract: "Write sections of a participant's draft note.",
            discussion: "Example: caseload note write S-20261120-0900-ab12cd P-0007 --format dap --section data=\"Shared a trigger\" --section plan=\"Continue IOP\"")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget
        @Option(help: "dap, soap, birp or free (for a new note; default dap).") var format: NoteFormat?
        @Option(help: ArgumentHelp("A section and its text: key=text. Repeatable.", valueName: "key=text"))
        var section: [String] = []

        func run() throws {
            let acting = try store.open()
            var sections: [String: String] = [:]
            for entry in section {
                guard let given = keyValue(entry) else {
                    throw CommandFailure("Write a section as key=text, for example --section data=\"...\".")
                }
                // Keeping only the last would drop what was written first without a word.
                guard sections.updateValue(given.value, forKey: given.key) == nil else {
                    throw CommandFailure("A section is given twice; write each section once, in one --section.")
                }
            }
            let outcome = try acting.caseload.writeNote(
                in: target.sessionID, for: target.participantID, format: format, sections: sections, by: acting.staff.id)
            Output.line("Saved the draft note for \(target.participantID).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link",
            abstract: "Link an unsigned note to the plan objectives its session addressed (replacing its links).",
            discussion: """
                Example: caseload note link S-20261120-0900-ab12cd P-0007 P1.G1.O1 P2.G1.O2
                With no objective, the note is linked to none. `caseload plan show P-0007` lists the objectives.
                """)

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget
        @Argument(help: "Objective ids of the participant's plan, e.g. P1.G1.O1.") var objectives: [String] = []

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.linkObjectives(
                in: target.sessionID, for: target.participantID, objectives: objectives, by: acting.staff.id)
            let linked = outcome.record.member(target.participantID)?.note?.objectives ?? []
            Output.line(linked.isEmpty
                ? "The note for \(target.participantID) is linked to no objective."
                : "The note for \(target.participantID) addresses \(linked.joined(separator: ", ")).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Narrative: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "narrative", abstract: "Set a group session's shared narrative.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Session id.") var session: String
        @Option(help: "The narrative every member's note shares.") var text: String

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.writeSharedNarrative(in: SessionID(session), text: text, by: acting.staff.id)
            Output.line("Saved the shared narrative of \(outcome.record.id).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sign", abstract: "Sign a note; it becomes read-only.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget
        @Flag(help: "Sign even though the member's own entry names another member of the session (you have checked it must).")
        var acknowledgeNames = false

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.signNote(
                in: target.sessionID, for: target.participantID, acknowledgingNames: acknowledgeNames, by: acting.staff.id)
            Output.line("Signed the note for \(target.participantID) as \(acting.staff.signatureLine).")
            Output.warnings(outcome.warnings)
        }
    }

    struct CoSign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cosign", abstract: "Co-sign a signed note (supervisors).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.coSignNote(in: target.sessionID, for: target.participantID, by: acting.staff.id)
            Output.line("Co-signed the note for \(target.participantID).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Addendum: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "addendum", abstract: "Add a dated addendum to a signed note.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget
        @Option(help: "The addendum's text.") var text: String

        func run() throws {
            let acting = try store.open()
            let outcome = try acting.caseload.addAddendum(
                to: target.sessionID, for: target.participantID, text: text, by: acting.staff.id)
            Output.line("Added an addendum to the note for \(target.participantID).")
            Output.warnings(outcome.warnings)
        }
    }
}
