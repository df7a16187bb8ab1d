@testable import CaseloadConsole
@testable import CaseloadCore
import Testing
import TerminalKit

/// A note shows who signed it as they were then, not as the staff list reads today.
@Suite struct SignatureLineTests {
    @Test("The sessions tab shows lines as signed; a record without one shows today's name")
    func signedAs() throws {
        var session = Fixture.meeting(
            "2026-11-20", "09:00", .individual, 60, by: Fixture.maria, topic: nil,
            [Fixture.member("P-0001", .present, 60)], signed: ["P-0001"])
        try session.updateNote(of: "P-0001") { (note: inout Note) throws(DomainError) in
            note.signature?.signedAs = "Maria Lopez, LMSW"
            note.coSignature = Signature(by: Fixture.sandra, signedAs: nil, at: Fixture.now)
            note.addenda = [Addendum(by: Fixture.maria, signedAs: "Maria Lopez, LMSW", at: Fixture.now, text: "Called.")]
        }
        var detail = try Fixture.source().loadParticipant("P-0001", today: Fixture.today)
        detail.sessions = [session]
        let state = ConsoleState(session: Fixture.session(), data: Fixture.data(), size: Size(cols: 200, rows: 50))
        let shown = SessionsTab.lines(detail, state: state, width: 200)
            .map { $0.map(\.text).joined() }.joined(separator: "\n")
        #expect(shown.contains("signed by Maria Lopez, LMSW on"), "\(shown)")
        #expect(shown.contains("co-signed by Sandra Okafor, LCSW-S"), "\(shown)")
        #expect(shown.contains("Addendum by Maria Lopez, LMSW on"), "\(shown)")
        #expect(!shown.contains("by Maria Garcia"), "\(shown)")
    }
}
