@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// The supervisor's Dashboard lists signed notes waiting for co-signature; Enter reads one and
/// `C` co-signs it after a `y`.
@Suite struct CoSignQueueTests {
    func queue(_ harness: Harness) -> ReportSection? {
        harness.state.digest.dashboard.sections.first { $0.title.hasPrefix("Notes waiting for your co-signature") }
    }

    @Test func aSupervisorSeesSignedNotesOldestFirst() throws {
        let harness = Harness(as: Fixture.sandra)
        let section = try #require(queue(harness))
        #expect(section.title == "Notes waiting for your co-signature (8)")
        let targets = section.rows.compactMap { row -> NoteTarget? in
            if case .note(let target) = row.opens { return target }
            return nil
        }
        #expect(targets.first == NoteTarget(session: "S-20261110-0900-gromga", participant: "P-0001"))
        #expect(targets.last == NoteTarget(session: "S-20261123-1300-indmga", participant: "P-0005"))
        // Co-signed notes and drafts are not waiting.
        #expect(!targets.contains { $0.session == "S-20261118-0900-grojch" })
        #expect(!targets.contains { $0 == NoteTarget(session: "S-20261119-0900-gromga", participant: "P-0002") })
    }

    @Test func counselorsHaveNoQueue() {
        #expect(queue(Harness()) == nil)
    }

    @Test func enterReadsTheNoteAndCAsksBeforeCoSigning() throws {
        var harness = Harness(as: Fixture.sandra)
        let section = try #require(queue(harness))
        guard case .note(let target) = section.rows[0].opens else {
            Issue.record("the queue's rows open notes")
            return
        }
        // Move to the queue's first row.
        let before = harness.state.digest.dashboard.sections.prefix { $0.title != section.title }
        for _ in 0..<before.reduce(0, { $0 + $1.rows.count }) { harness.go(.moveDown) }
        harness.go(.open)
        let reader = try #require(harness.state.modals.top as? NoteReader)
        #expect(reader.target == target)
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("signed by Maria Garcia"))
        harness.go(.coSign)
        #expect(harness.state.modals.top is Question)
        #expect(text(of: render(harness.state, size: harness.state.size)).contains("Co-sign Pepe Núñez's note"))
        harness.press(.confirm, effects: [.write(.coSignNote(target))]) {
            $0.modals.popTop()
            $0.status = .info("Saving…")
            $0.writesInFlight = 1
        }
    }
}
