import ArgumentParser
import CaseloadCore
import Foundation

struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings", abstract: "Show and change how the program runs (administrators change them).",
        subcommands: [Show.self, Set.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the program's settings.")

        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let settings = try store.open().caseload.program()
            if output.json { return try Output.json(settings) }
            Output.fields([
                ("Program", settings.name),
                ("Time zone", settings.timeZoneIdentifier),
                ("Check-ins due every", "\(settings.checkInCadenceDays) day\(settings.checkInCadenceDays == 1 ? "" : "s")"),
                ("Notes due within", "\(settings.noteDueHours) hour\(settings.noteDueHours == 1 ? "" : "s")"),
                ("Plan reviews every", "\(settings.planReviewDays) day\(settings.planReviewDays == 1 ? "" : "s")"),
                ("Weekly hours", settings.requiredWeeklyHours.map { "\($0.level.abbreviation) \($0.hours.formatted())" }
                    .joined(separator: ", ")),
            ])
            Output.line()
            Output.line("Topics")
            for topic in settings.topics { Output.line("  \(topic)") }
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Change the program's settings.",
            discussion: "Example: caseload settings set --hours iop=9 --hours php=20 --checkin-cadence 7 --add-topic \"Sleep hygiene\"")

        @OptionGroup var store: StoreOptions
        @Option(help: "The program's name, as the console's header shows it.") var program: String?
        @Option(help: "The program's time zone (IANA name such as America/Chicago).") var timeZone: String?
        @Option(help: ArgumentHelp("Weekly hours a level of care requires: \"iop=9\". Repeatable.", valueName: "level=hours"))
        var hours: [String] = []
        @Option(name: .customLong("checkin-cadence"), help: "Days between check-ins.") var checkInCadence: Int?
        @Option(help: "Hours after a session within which its notes are due.") var noteDueHours: Int?
        @Option(help: "Days between treatment plan reviews (from each plan's next review on).") var planReviewDays: Int?
        @Option(help: "Add a psychoeducation topic. Repeatable.") var addTopic: [String] = []
        @Option(help: "Remove a psychoeducation topic. Repeatable.") var removeTopic: [String] = []

        func run() throws {
            let acting = try store.open()
            let change = SettingsChange(
                name: program, timeZoneIdentifier: timeZone, requiredHours: try parseHours(), checkInCadenceDays: checkInCadence,
                noteDueHours: noteDueHours, planReviewDays: planReviewDays, addTopics: addTopic, removeTopics: removeTopic)
            let outcome = try acting.caseload.changeSettings(change, by: acting.staff.id)
            Output.line("Saved the settings of \(outcome.record.name).")
            Output.warnings(outcome.warnings)
        }

        private func parseHours() throws -> [LevelOfCare: Double] {
            try Dictionary(
                hours.map { text in
                    guard let given = keyValue(text), let level = LevelOfCare(rawValue: given.key.lowercased()),
                        let value = Double(given.value)
                    else {
                        throw CommandFailure(
                            "Write weekly hours as level=hours, for example iop=9; the levels are php, iop, op and aftercare.")
                    }
                    return (level, value)
                }, uniquingKeysWith: { _, _ in throw CommandFailure("Give each level's weekly hours once.") })
        }
    }
}
