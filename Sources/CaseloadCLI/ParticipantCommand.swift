import ArgumentParser
import CaseloadCore
import Foundation

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: "Admit, list, show, edit, step down, discharge and readmit participants; record consents.",
        subcommands: [
            Add.self, List.self, Show.self, Edit.self, Transition.self, Discharge.self, Readmit.self,
            ConsentCommand.self,
        ])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Admit a participant; prints their new id.")

        @OptionGroup var store: StoreOptions
        @Option(help: "First (given) name.") var first: String
        @Option(help: "Last (family) name.") var last: String
        @Option(help: "The name they go by, if different.") var preferred: String?
        @Option(help: "given-first (\"José Núñez\") or family-first (\"李 雪梅\", \"Kim Min-jun\"): how the name is written everywhere.")
        var nameOrder: NameOrder = .givenFirst
        @Option(help: "Pronouns, e.g. she/her.") var pronouns: String?
        @Option(help: "Date of birth, YYYY-MM-DD.") var dob: String
        @Option(help: "Admission date (default today).") var admitted = "today"
        @Option(help: "Level of care: php, iop, op or aftercare.") var level: LevelOfCare
        @Option(help: "Track: substance-use, mental-health or co-occurring.") var track: Track
        @Option(help: "Primary counselor's id (default: you).") var counselor: String?
        @Option(help: "Who referred them.") var referral = "Self"
        @Option(help: "Phone number.") var phone: String?
        @Option(help: ArgumentHelp("A diagnosis, optionally with its ICD-10 code after a '|': \"Alcohol use disorder, moderate|F10.20\". Repeatable.", valueName: "text|code"))
        var diagnosis: [String] = []

        func run() throws {
            let acting = try store.open()
            let today = try acting.today()
            let request = AdmissionRequest(
                firstName: first, lastName: last, preferredName: preferred, nameOrder: nameOrder, pronouns: pronouns,
                dateOfBirth: try LocalDate(dob), admissionDate: try parseDate(admitted, today: today),
                levelOfCare: level, track: track, primaryCounselor: counselor.map { StaffID($0) },
                referralSource: referral, phone: phone, diagnoses: diagnosis.map(parseDiagnosis))
            let outcome = try acting.caseload.admit(request, by: acting.staff.id)
            Output.line(outcome.record.id.rawValue)
            Output.warnings(outcome.warnings)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List participants in care (active and on hold); --all adds the discharged.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Include discharged participants (reads every participant file).") var all = false
        @Option(help: "Only this counselor's caseload.") var counselor: String?

        func run() throws {
            let acting = try store.open()
            let caseload = acting.store
            let index = try caseload.rosterIndexWithDamage()
            var entries = index.entries.filter(\.isInCare)
            if all {
                // The index leaves most discharged participants out, so their files are read here.
                let discharged = caseload.dischargedRoster()
                entries += discharged.records
                reportDamage(discharged.damaged)
            }
            if let counselor { entries = entries.filter { $0.primaryCounselor.rawValue == counselor } }
            // As the console sorts: "Ávila" with the A's, "de la Cruz" beside "Dela Cruz".
            entries.sort { ($0.nameSortKey, $0.id) < ($1.nameSortKey, $1.id) }
            let today = try acting.today()
            if output.json { return try Output.json(entries.map { ParticipantListing($0, on: today) }) }
            Output.table(
                ["ID", "NAME", "LEVEL", "TRACK", "COUNSELOR", "STATUS", "LAST CHECK-IN"],
                entries.map {
                    [$0.id.rawValue, $0.sortName, $0.levelOfCare(on: today).abbreviation, $0.track.title,
                     $0.primaryCounselor.rawValue, $0.status.title,
                     $0.latestCheckIn.map { "\($0.date)" } ?? "none"]
                })
            if entries.isEmpty { Output.line("No participants match.") }
            reportDamagedParticipants(index.damagedParticipants)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one participant's record.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Participant id, e.g. P-0007.") var id: String

        func run() throws {
            let acting = try store.open()
            let participant = try acting.store.participant(ParticipantID(id))
            acting.recordAccess(.participantView(participant.id))
            if output.json { return try Output.json(participant) }
            ParticipantReport(participant: participant, today: try acting.today()).print()
            let checkIns = acting.store.checkIns(of: participant.id)
            SafetyFlagLines(checkIns.records, in: try acting.caseload.program().timeZone).print()
            reportDamage(checkIns.damaged)
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a participant's details.",
            discussion: "Consents to disclose to a support member are recorded with `caseload participant consent add`.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var id: String
        @Option(help: "First (given) name.") var first: String?
        @Option(help: "Last (family) name.") var last: String?
        @Option(help: "Preferred name (empty to clear).") var preferred: String?
        @Option(help: "given-first or family-first: how the name is written everywhere.") var nameOrder: NameOrder?
        @Option(help: "Pronouns (empty to clear).") var pronouns: String?
        @Option(help: "Phone (empty to clear).") var phone: String?
        @Option(help: "Primary counselor's id.") var counselor: String?
        @Option(help: "Track.") var track: Track?
        @Option(help: "Status: active or on-hold (use discharge to discharge).") var status: ParticipantStatus?
        @Option(help: "Add a diagnosis, \"text|ICD-10\". Repeatable.") var addDiagnosis: [String] = []
        @Option(help: ArgumentHelp("Add a support member: \"name|relationship|phone\"; they get the next id S1, S2…. Repeatable.", valueName: "member"))
        var addSupport: [String] = []

        func run() throws {
            let acting = try store.open()
            let change = ParticipantChange(
                firstName: first, lastName: last, preferredName: preferred, nameOrder: nameOrder, pronouns: pronouns,
                phone: phone,
                primaryCounselor: counselor.map { StaffID($0) }, track: track, status: status,
                addDiagnoses: addDiagnosis.map(parseDiagnosis), addSupportMembers: try addSupport.map(parseSupportMember))
            let outcome = try acting.caseload.editParticipant(ParticipantID(id), change, by: acting.staff.id)
            let added = outcome.record.supportMembers.suffix(addSupport.count)
            Output.line("Saved \(outcome.record.id).")
            for member in added { Output.line("Support member \(member.id): \(member.name) (\(member.relationship)).") }
            Output.warnings(outcome.warnings)
        }

        private func parseSupportMember(_ text: String) throws -> NewSupportMember {
            let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard (2...3).contains(parts.count) else {
                throw CommandFailure("Write a support member as \"name|relationship|phone\" (the phone may be left off).")
            }
            return NewSupportMember(name: parts[0], relationship: parts[1], phone: parts.count > 2 ? parts[2] : nil)
        }
    }
}

func parseDiagnosis(_ text: String) -> Diagnosis {
    let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    return Diagnosis(description: parts.first ?? text, icd10: parts.count > 1 ? parts[1] : nil)
}
extension NameOrder: ExpressibleByArgument {}
