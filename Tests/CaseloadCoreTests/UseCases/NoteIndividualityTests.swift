@testable import CaseloadCore
import Foundation
import Testing

/// Group notes compared by their letters and digits alone, so retyping, reordering or padding
/// another member's note or the shared narrative still reads as a copy.
@Suite("Group notes describe each member")
struct NoteIndividualityTests {
    typealias Fixture = UseCaseCaseload

    static let twin = "P-0001's note is word for word the same as P-0002's; describe this member's own participation before signing."
    static let narrative = "P-0001's Data repeats the group's shared narrative; describe this member's own participation before signing."
    static let theirs = Fixture.dap("Talked about cravings at work.")

    @Test(
        "A copy is found however it is retyped; a note of the member's own is signed",
        arguments: [
            ("Data and Assessment swapped", NoteFormat.dap,
             ["data": "Insight improving.", "assessment": "Talked about cravings at work.", "plan": "Continue IOP."], twin),
            ("all of it in a free-text note", .free, ["note": "Talked about cravings at work. Insight improving. Continue IOP."], twin),
            ("fullwidth letters", .dap, Fixture.dap("Ｔalked about cravings at work."), twin),
            ("accents", .dap, Fixture.dap("Tálked about cravings at wörk."), twin),
            ("words run together", .dap, Fixture.dap("Talkedaboutcravingsatwork"), twin),
            ("the narrative and a word", .dap, Fixture.dap("Members practiced urge surfing. Also."), narrative),
            ("the narrative in capitals, fullwidth", .dap, Fixture.dap("ＭＥＭＢＥＲＳ practiced urge-surfing, too!"), narrative),
            ("the narrative with an entry of their own", .dap,
             Fixture.dap("Members practiced urge surfing. P-0001 led the breathing exercise for the group."), nil),
            ("a note of their own", .dap, Fixture.dap("Named a trigger at home."), nil),
            ("a free-text note of their own", .free, ["note": "Talked about cravings at home. Insight improving."], nil),
        ] as [(String, NoteFormat, [String: String], String?)])
    func individualized(_: String, format: NoteFormat, mine: [String: String], refused: String?) throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.record(Fixture.request(members: [.init("P-0001"), .init("P-0002")])).record.id
        _ = try caseload.writeSharedNarrative(in: session, text: "Members practiced urge surfing.", by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0002", sections: Self.theirs, by: "mgarcia")
        _ = try caseload.writeNote(in: session, for: "P-0001", format: format, sections: mine, by: "mgarcia")
        let message = refusalMessage { () throws(CaseloadError) in try caseload.signNote(in: session, for: "P-0001", by: "mgarcia") }
        #expect(message == refused)
        #expect(!(message ?? "").contains("cravings"), "a refusal never quotes the note")
    }

    @Test("Sessions saved before the narrative's writers were kept read as written by no one")
    func olderFile() throws {
        let fixture = try Fixture()
        let session = try fixture.record(Fixture.request()).record
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(session)) as! [String: Any]
        #expect(json["narrativeContributors"] != nil)
        json["narrativeContributors"] = nil
        let older = try JSONDecoder().decode(Session.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(older.narrativeContributors == [])
        #expect(older == session)
    }
}

@Suite("How long a note's text may be")
struct NoteLengthTests {
    typealias Fixture = UseCaseCaseload

    static let limit = String(repeating: "a", count: 20_000)
    static let over = limit + "a"

    @Test(
        "A section, shared narrative or addendum over 20,000 characters is refused, naming the field",
        arguments: [
            ("section", limit, nil), ("section", over, "The Data section is longer than 20,000 characters (about eight pages); shorten it."),
            ("narrative", limit, nil), ("narrative", over, "The shared narrative is longer than 20,000 characters (about eight pages); shorten it."),
            ("addendum", limit, nil), ("addendum", over, "The addendum is longer than 20,000 characters (about eight pages); shorten it."),
            // One character carrying thousands of combining marks takes room all the same.
            ("section", "a" + String(repeating: "\u{301}", count: 20_000), "The Data section is longer than 20,000 characters (about eight pages); shorten it."),
        ] as [(String, String, String?)])
    func limited(field: String, text: String, refused: String?) throws {
        let fixture = try Fixture()
        let caseload = fixture.caseload
        let session = try fixture.groupReadyToSign()
        _ = try caseload.signNote(in: session, for: "P-0002", by: "mgarcia")
        let message = refusalMessage { () throws(CaseloadError) in
            switch field {
            case "section": try caseload.writeNote(in: session, for: "P-0001", sections: ["data": text], by: "mgarcia")
            case "narrative": try caseload.writeSharedNarrative(in: session, text: text, by: "mgarcia")
            default: try caseload.addAddendum(to: session, for: "P-0002", text: text, by: "mgarcia")
            }
        }
        #expect(message == refused)
    }
}
