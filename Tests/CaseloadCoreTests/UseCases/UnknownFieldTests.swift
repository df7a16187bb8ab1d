@testable import CaseloadCore
import Foundation
import Testing

/// A field written by a newer Caseload or another tool is never dropped by a save made here.
@Suite("Unknown fields")
struct UnknownFieldTests {
    /// Adds `field` at the top of the participant's file and, with `nested`, inside its first support member.
    static func plantUnknownField(in world: LifecycleCaseload, nested: Bool = false) throws -> String {
        let file = "participants/\(world.participant).json"
        let url = URL(fileURLWithPath: world.scratch.path + "/" + file)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["referralCoordinator"] = ["name": "Dr. Okafor", "ext": 4412]
        if nested, var members = object["supportMembers"] as? [[String: Any]], !members.isEmpty {
            members[0]["nickname"] = "Nana"
            object["supportMembers"] = members
        }
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
        return file
    }

    @Test("an unknown top-level field survives an edit through the use-case operation")
    func keptOnSave() throws {
        let world = try LifecycleCaseload()
        let file = try Self.plantUnknownField(in: world)
        _ = try world.caseload.editParticipant(
            world.participant, ParticipantChange(phone: "555-0199"), by: LifecycleCaseload.counselor)

        let saved = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: world.scratch.path + "/" + file)))
                as? [String: Any])
        let kept = try #require(saved["referralCoordinator"] as? [String: Any])
        #expect(kept["name"] as? String == "Dr. Okafor")
        #expect(kept["ext"] as? Int == 4412)
        #expect(try world.store.participant(world.participant).phone == "555-0199")
    }

    @Test("an unknown field inside a value refuses the save, naming the field and keeping the user's version")
    func nestedRefused() throws {
        let world = try LifecycleCaseload()
        _ = try world.caseload.editParticipant(
            world.participant, ParticipantChange(addSupportMembers: [NewSupportMember(name: "Ana", relationship: "sister")]),
            by: LifecycleCaseload.counselor)
        _ = try Self.plantUnknownField(in: world, nested: true)
        #expect {
            try world.caseload.editParticipant(world.participant, ParticipantChange(phone: "555-0199"), by: LifecycleCaseload.counselor)
        } throws: { error in
            "\(error)".contains("\"supportMembers[0].nickname\"") && "\(error)".contains("conflicts/")
        }
    }

    @Test("check lists an unknown field as a warning and still calls the caseload healthy")
    func checkWarns() throws {
        let world = try LifecycleCaseload()
        let file = try Self.plantUnknownField(in: world)
        let report = try world.store.check()
        #expect(report.isHealthy)
        let warning = try #require(report.warnings.first)
        #expect(warning.kind == .unknownField && warning.file == file)
        #expect(warning.description.contains("\"referralCoordinator\""))
        #expect(!warning.description.contains("Okafor"), "a value is never repeated")
        #expect(report.summary.hasSuffix("no problems found. 1 warning listed above."))
    }

    @Test("check lists an unknown field in caseload.json too")
    func checkWarnsAboutSettings() throws {
        let world = try LifecycleCaseload()
        let url = URL(fileURLWithPath: world.scratch.path + "/caseload.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["billingCode"] = "X-17"
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: url)
        let report = try world.store.check()
        #expect(report.isHealthy)
        #expect(report.warnings.map(\.file) == ["caseload.json"])
        #expect(report.warnings.first?.description.contains("\"billingCode\"") == true)
    }
}
