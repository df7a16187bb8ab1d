@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// What the Discharge tab says about a stay: a change not yet in force, and earlier stays kept
/// after a readmission.
@Suite struct DischargeTabTests {
    func lines(of person: Participant) -> [String] {
        let state = Harness().state
        return DischargeTab.lines(ParticipantDetail(participant: person, checkIns: [], sessions: []), state: state,
                                  width: 120).map { $0.map(\.text).joined() }
    }

    @Test func aScheduledChangeSaysItIsNotYetInForce() throws {
        var aaliyah = try #require(Fixture.participants.first { $0.id == "P-0004" })
        try aaliyah.changeLevelOfCare(to: .op, on: Fixture.date("2026-12-07"), reason: "Back at work", by: Fixture.maria)
        let shown = lines(of: aaliyah)
        #expect(shown.contains("Since 12 Oct 2026; now in Intensive Outpatient (IOP)."))
        #expect(shown.contains { $0.hasPrefix("  7 Dec 2026    Outpatient (OP) (scheduled) · Back at work · Maria Garcia") })
        #expect(!shown.contains { $0.contains("9 Nov 2026") && $0.contains("scheduled") })
    }

    @Test func aReadmissionKeepsTheEarlierStayInView() throws {
        var ivan = try #require(Fixture.participants.first { $0.id == "P-0013" })
        try ivan.readmit(on: Fixture.date("2026-11-20"), to: .php, reason: "Relapse after a job loss", by: Fixture.maria)
        let shown = lines(of: ivan)
        #expect(shown.contains("In care"))
        #expect(shown.contains("Earlier stays"))
        #expect(shown.contains("  1 Sep 2026    to 13 Nov 2026 · Completed program · IOP → OP"))
        #expect(shown.contains { $0.hasPrefix("  20 Nov 2026   Partial Hospitalization (PHP) · Relapse after a job loss") })
    }
}
