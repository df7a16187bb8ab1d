import ArgumentParser
import CaseloadCore
import Foundation

/// `caseload participant consent …`: the written consents (42 CFR §2.31) that let staff disclose
/// to a participant's support members.
struct ConsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent", abstract: "Record, revoke, renew and list consents to disclose to support members.",
        subcommands: [Add.self, Revoke.self, Renew.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a consent the participant signed for one support member.",
            discussion: """
                Example: caseload participant consent add P-0007 S1 --recipient "Ana Núñez" \\
                  --purpose "Family involvement in treatment" --category attendance \\
                  --category session-participation --signed 2026-11-20 --expires 2027-05-20
                """)

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "Support member id, e.g. S1.") var member: String
        @Option(help: "Who may receive the information.") var recipient: String
        @Option(help: "Why the information is disclosed.") var purpose: String
        @Option(help: ArgumentHelp(
            "What may be disclosed: \(DisclosureCategory.allCases.map(\.rawValue).joined(separator: ", ")). Repeatable.",
            valueName: "category"))
        var category: [DisclosureCategory] = []
        @Option(help: "The day the participant signed (default today).") var signed = "today"
        @Option(help: "The day the consent ends, YYYY-MM-DD.") var expires: String

        func run() throws {
            let acting = try store.open()
            let today = try acting.today()
            let request = ConsentRequest(
                recipient: recipient, purpose: purpose, categories: category,
                signedOn: try parseDate(signed, today: today), expiresOn: try parseDate(expires, today: today))
            let outcome = try acting.caseload.addConsent(
                ParticipantID(participant), member: member, request, by: acting.staff.id)
            Output.line("Recorded the consent for \(member) of \(outcome.record.id), until \(request.expiresOn).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Record that the participant revoked a consent.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "Support member id.") var member: String
        @Option(help: "The day it was revoked (default today).") var date = "today"

        func run() throws {
            let acting = try store.open()
            let revoked = try parseDate(date, today: try acting.today())
            let outcome = try acting.caseload.revokeConsent(
                ParticipantID(participant), member: member, on: revoked, by: acting.staff.id)
            Output.line("The consent for \(member) of \(outcome.record.id) is revoked from \(revoked).")
            Output.warnings(outcome.warnings)
        }
    }

    struct Renew: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "renew",
            abstract: "Extend a consent that has not been revoked; a revoked one needs a new consent.")

        @OptionGroup var store: StoreOptions
        @Argument(help: "Participant id.") var participant: String
        @Argument(help: "Support member id.") var member: String
        @Option(help: "The new end date, YYYY-MM-DD.") var expires: String
        @Option(help: "The day the participant signed the renewal, if they signed again.") var signed: String?

        func run() throws {
            let acting = try store.open()
            let today = try acting.today()
            let expiresOn = try parseDate(expires, today: today)
            let outcome = try acting.caseload.renewConsent(
                ParticipantID(participant), member: member, expiresOn: expiresOn,
                signedOn: try signed.map { try parseDate($0, today: today) }, by: acting.staff.id)
            Output.line("The consent for \(member) of \(outcome.record.id) now runs until \(expiresOn).")
            Output.warnings(outcome.warnings)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List a participant's support members and their consents.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "Participant id.") var participant: String

        func run() throws {
            let acting = try store.open()
            let record = try acting.store.participant(ParticipantID(participant))
            if output.json { return try Output.json(record.supportMembers) }
            let today = try acting.today()
            Output.table(
                ["MEMBER", "NAME", "RECIPIENT", "CATEGORIES", "SIGNED", "EXPIRES", "STATUS"],
                record.supportMembers.map { member in
                    guard let consent = member.consent else {
                        return [member.id, member.name, "—", "—", "—", "—", "no consent"]
                    }
                    return [
                        member.id, member.name, consent.recipient, consent.categories.map(\.rawValue).joined(separator: ","),
                        consent.signedOn.description, consent.expiresOn?.description ?? "—", consent.status(on: today),
                    ]
                })
            if record.supportMembers.isEmpty { Output.line("\(record.id) has no support members on file.") }
        }
    }
}

extension DisclosureCategory: ExpressibleByArgument {}

extension DisclosureConsent {
    /// "current", "revoked 2026-11-20", "expired 2026-10-01", "not yet signed".
    func status(on today: LocalDate) -> String {
        if let revokedOn, revokedOn <= today { return "revoked \(revokedOn)" }
        if let expiresOn, expiresOn < today { return "expired \(expiresOn)" }
        return isCurrent(on: today) ? "current" : "not in force"
    }
}
