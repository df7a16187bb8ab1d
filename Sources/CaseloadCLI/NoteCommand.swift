import ArgumentParser
import CaseloadCore
import Foundation

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Write, sign, co-sign and amend session notes.",
        subcommands: [Write.self, Narrative.self, Sign.self, CoSign.self, Addendum.self, Search.self])

    /// The session and participant every note command names.
    struct NoteTarget: ParsableArguments {
        @Argument(help: "Session id.") var session: String
        @Argument(help: "Participant id.") var participant: String

        var sessionID: SessionID { SessionID(session) }
        var participantID: ParticipantID { ParticipantID(participant) }
    }

    struct Write: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write sections of a participant's draft note.",
            discussion: "Example: caseload note write S-20261120-0900-ab12cd P-0007 --format dap --section data=\"Shared a trigger\" --section plan=\"Continue IOP\"")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget
        @Option(help: "dap, soap, birp or free (for a new note).") var format: NoteFormat = .dap
        @Option(help: ArgumentHelp("A section and its text: key=text. Repeatable.", valueName: "key=text"))
        var section: [String] = []

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            var session = try caseload.session(target.sessionID)
            let noteFormat = session.member(target.participantID)?.note?.format ?? format
            let keys = noteFormat.sections.map(\.key)
            for entry in section {
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, keys.contains(parts[0]) else {
                    throw CommandFailure("Write a section as key=text with key one of \(keys.joined(separator: ", ")) for a \(noteFormat.title) note.")
                }
                try session.writeNote(
                    of: target.participantID, format: noteFormat, section: parts[0], text: parts[1],
                    by: staff.id, at: acting.caseload.clock.now())
            }
            try caseload.save(session, action: .sessionEdit, by: staff.id)
            Output.line("Saved the draft note for \(target.participantID).")
        }
    }

    struct Narrative: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a group session's shared narrative.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Session id.") var session: String
        @Option(help: "The narrative every member's note shares.") var text: String

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            var record = try caseload.session(SessionID(session))
            guard record.kind == .group else { throw DomainError.sharedNarrativeOnlyForGroups }
            record.sharedNarrative = text
            try caseload.save(record, action: .sessionEdit, by: staff.id)
            Output.line("Saved the shared narrative of \(record.id).")
        }
    }

    struct Sign: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sign a note; it becomes read-only.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            var session = try caseload.session(target.sessionID)
            try session.signNote(of: target.participantID, by: staff.id, at: acting.caseload.clock.now())
            try caseload.save(session, action: .noteSign, by: staff.id)
            Output.line("Signed the note for \(target.participantID) as \(staff.signatureLine).")
        }
    }

    struct CoSign: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cosign", abstract: "Co-sign a signed note (supervisors).")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            var session = try caseload.session(target.sessionID)
            try session.updateNote(of: target.participantID) { (note: inout Note) throws(DomainError) in
                try note.coSign(by: staff, at: acting.caseload.clock.now())
            }
            try caseload.save(session, action: .noteCoSign, by: staff.id)
            Output.line("Co-signed the note for \(target.participantID).")
        }
    }

    struct Addendum: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a dated addendum to a signed note.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var target: NoteTarget
        @Option(help: "The addendum's text.") var text: String

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            var session = try caseload.session(target.sessionID)
            try session.updateNote(of: target.participantID) { (note: inout Note) throws(DomainError) in
                try note.addAddendum(text, by: staff.id, at: acting.caseload.clock.now())
            }
            try caseload.save(session, action: .noteAddendum, by: staff.id)
            Output.line("Added an addendum to the note for \(target.participantID).")
        }
    }
}
