@testable import CaseloadCore
import Testing

/// A save that would leave a record exactly as it stands is refused by every operation, so no
/// revision or audit line ever claims a change that did not happen.
@Suite("Saves that change nothing")
struct NothingToChangeTests {
    static let cases: [(String, @Sendable (LifecycleCaseload) throws -> Void)] = [
        ("a participant's track set to the one they have", { world in
            _ = try world.caseload.editParticipant(
                world.participant, ParticipantChange(track: .coOccurring), by: LifecycleCaseload.counselor) }),
        ("check-ins every 7 days when they already are", { world in
            _ = try world.caseload.changeSettings(SettingsChange(checkInCadenceDays: 7), by: LifecycleCaseload.admin) }),
        ("a note section written with the words it holds", { world in
            try world.addSession("S-20261120-0900-aaaaaa", on: "2026-11-20")
            let sections = ["data": "Discussed the week."]
            _ = try world.caseload.writeNote(
                in: "S-20261120-0900-aaaaaa", for: world.participant, format: .dap, sections: sections,
                by: LifecycleCaseload.counselor)
            _ = try world.caseload.writeNote(
                in: "S-20261120-0900-aaaaaa", for: world.participant, sections: sections, by: LifecycleCaseload.counselor)
        }),
    ]

    @Test("Each is refused", arguments: cases)
    func refused(_ label: String, operation: @Sendable (LifecycleCaseload) throws -> Void) throws {
        let world = try LifecycleCaseload()
        #expect(throws: CaseloadError.refused(.nothingToChange), "\(label)") { try operation(world) }
    }
}
