import ArgumentParser
import CaseloadCore
import Foundation

struct ParticipantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "participant", abstract: "Admit, list, show, edit, step down and discharge participants.",
        subcommands: [Add.self, List.self, Show.self, Edit.self, Transition.self, Discharge.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Admit a participant; prints their new id.")

        @OptionGroup var store: StoreOptions
        @Option(help: "First name.") var first: String
        @Option(help: "Last name.") var last: String
        @Option(help: "The name they go by, if different.") var preferred: String?
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
            let (caseload, staff) = (acting.store, acting.staff)
            let today = try acting.today()
            let counselorID = StaffID(counselor ?? staff.id.rawValue)
            _ = try caseload.staffMember(counselorID)
            var participant = Participant(
                id: try caseload.newParticipantID(), firstName: try required(first, "First name"),
                lastName: try required(last, "Last name"), dateOfBirth: try LocalDate(dob),
                admissionDate: try parseDate(admitted, today: today), referralSource: referral,
                track: track, primaryCounselor: counselorID, levelOfCare: level,
                revision: Revision(createdAt: acting.caseload.clock.now(), createdBy: staff.id))
            participant.preferredName = preferred
            participant.pronouns = pronouns
            participant.phone = phone
            participant.diagnoses = diagnosis.map(parseDiagnosis)
            // Numbered again under the save's lock, so admissions at the same moment never clash.
            let saved = try caseload.addParticipant(participant, by: staff.id)
            Output.line(saved.record.id.rawValue)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List participants in care (active and on hold); --all adds the discharged.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Flag(help: "Include discharged participants (reads every participant file).") var all = false
        @Option(help: "Only this counselor's caseload.") var counselor: String?

        func run() throws {
            let acting = try store.open()
            let caseload = acting.store
            var entries = try caseload.roster()
            if all {
                let loaded = caseload.participants()
                let inRoster = Set(entries.map(\.id))
                entries += loaded.records.filter { !inRoster.contains($0.id) }
                    .map { RosterEntry(participant: $0, checkIns: []) }
                reportDamage(loaded.damaged)
            }
            if let counselor { entries = entries.filter { $0.primaryCounselor.rawValue == counselor } }
            entries.sort { ($0.lastName, $0.firstName, $0.id) < ($1.lastName, $1.firstName, $1.id) }
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
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one participant's record.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Participant id, e.g. P-0007.") var id: String

        func run() throws {
            let acting = try store.open()
            let participant = try acting.store.participant(ParticipantID(id))
            if output.json { return try Output.json(participant) }
            ParticipantReport(participant: participant, today: try acting.today()).print()
        }
    }

    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a participant's details.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var id: String
        @Option(help: "First name.") var first: String?
        @Option(help: "Last name.") var last: String?
        @Option(help: "Preferred name (empty to clear).") var preferred: String?
        @Option(help: "Pronouns (empty to clear).") var pronouns: String?
        @Option(help: "Phone (empty to clear).") var phone: String?
        @Option(help: "Primary counselor's id.") var counselor: String?
        @Option(help: "Track.") var track: Track?
        @Option(help: "Status: active or on-hold (use discharge to discharge).") var status: ParticipantStatus?
        @Option(help: "Add a diagnosis, \"text|ICD-10\". Repeatable.") var addDiagnosis: [String] = []
        @Option(help: ArgumentHelp("Add a support member: \"name|relationship|phone\".", valueName: "member"))
        var addSupport: [String] = []
        @Option(help: ArgumentHelp("With --add-support: what they may receive, e.g. \"attendance and progress\"; records a consent signed today.", valueName: "scope"))
        var consentScope: String?
        @Option(help: "With --consent-scope: the consent's expiry date.") var consentExpires: String?

        func validate() throws {
            if status == .discharged {
                throw ValidationError("Use `caseload participant discharge` to discharge a participant.")
            }
        }

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            let today = try acting.today()
            var participant = try caseload.participant(ParticipantID(id))
            if let first { participant.firstName = try required(first, "First name") }
            if let last { participant.lastName = try required(last, "Last name") }
            if let preferred { participant.preferredName = preferred.isEmpty ? nil : preferred }
            if let pronouns { participant.pronouns = pronouns.isEmpty ? nil : pronouns }
            if let phone { participant.phone = phone.isEmpty ? nil : phone }
            if let counselor {
                participant.primaryCounselor = try caseload.staffMember(StaffID(counselor)).id
            }
            if let track { participant.track = track }
            if let status {
                guard participant.status != .discharged else {
                    throw CommandFailure("\(participant.id) has been discharged; their status cannot change.")
                }
                participant.status = status
            }
            participant.diagnoses += addDiagnosis.map(parseDiagnosis)
            for text in addSupport {
                let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2, !parts[0].isEmpty else {
                    throw CommandFailure("Write a support member as \"name|relationship|phone\"; \"\(text)\" was given.")
                }
                let consent = try consentScope.map {
                    DisclosureConsent(
                        recipient: parts[0], purpose: $0, categories: [], signedOn: today,
                        expiresOn: try consentExpires.map { try parseDate($0, today: today) })
                }
                participant.supportMembers.append(
                    SupportMember(
                        id: "F\(participant.supportMembers.count + 1)", name: parts[0],
                        relationship: parts[1], phone: parts.count > 2 ? parts[2] : nil, consent: consent))
            }
            try caseload.save(participant, action: .participantEdit, by: staff.id)
            Output.line("Saved \(participant.id).")
        }
    }

    struct Transition: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a participant to another level of care (step down or up).")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var id: String
        @Option(help: "New level: php, iop, op or aftercare.") var to: LevelOfCare
        @Option(help: "Effective date (default today).") var date = "today"
        @Option(help: "Clinical reason for the change.") var reason: String

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            var participant = try caseload.participant(ParticipantID(id))
            let from = participant.latestLevelOfCare
            let effective = try parseDate(date, today: try acting.today())
            try participant.changeLevelOfCare(to: to, on: effective, reason: reason, by: staff.id)
            try caseload.save(participant, action: .participantTransition, by: staff.id)
            Output.line("\(participant.id): \(from.abbreviation) → \(to.abbreviation) from \(effective).")
        }
    }

    struct Discharge: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Discharge a participant with an aftercare plan.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var id: String
        @Option(help: "completed, step-down, against-advice, administrative or transferred.")
        var type: DischargeType
        @Option(help: "Discharge date (default today).") var date = "today"
        @Option(help: "Discharge summary.") var summary: String
        @Option(help: "An aftercare support group, e.g. \"SMART Recovery, Tuesdays\". Repeatable.")
        var supportGroup: [String] = []
        @Option(help: ArgumentHelp("A follow-up appointment: \"YYYY-MM-DD|with whom|purpose\". Repeatable.", valueName: "appointment"))
        var followUp: [String] = []
        @Option(help: "Sober living arrangement, if any.") var soberLiving: String?

        func run() throws {
            let acting = try store.open()
            let (caseload, staff) = (acting.store, acting.staff)
            let today = try acting.today()
            var participant = try caseload.participant(ParticipantID(id))
            let followUps = try followUp.map { text in
                let parts = text.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 3 else {
                    throw CommandFailure("Write a follow-up as \"YYYY-MM-DD|with whom|purpose\"; \"\(text)\" was given.")
                }
                return FollowUpAppointment(
                    date: try parseDate(parts[0], today: today), with: parts[1], purpose: parts[2])
            }
            try participant.discharge(
                CaseloadCore.Discharge(
                    date: try parseDate(date, today: today), type: type, summary: summary,
                    aftercare: AftercarePlan(
                        supportGroups: supportGroup, followUps: followUps, soberLiving: soberLiving),
                    dischargedBy: staff.id))
            try caseload.save(participant, action: .participantDischarge, by: staff.id)
            Output.line("Discharged \(participant.id) (\(type.title.lowercased())).")
        }
    }
}

func required(_ text: String, _ field: String) throws -> String {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !trimmed.isEmpty else { throw DomainError.emptyField(field) }
    return trimmed
}

func parseDiagnosis(_ text: String) -> Diagnosis {
    let parts = text.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    return Diagnosis(description: parts.first ?? text, icd10: parts.count > 1 ? parts[1] : nil)
}
