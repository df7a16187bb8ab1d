@testable import CaseloadConsole
import CaseloadCore
import Testing

/// Every screen shows the same figure for the same thing: the roster and dashboard read the
/// roster index, the participant's tabs read the records, and both go through one rule.
@Suite struct DerivedFiguresTests {
    @Test("The roster's hours equal the progress tab's, this week and last", arguments: Fixture.roster.map(\.id))
    func hoursAgree(id: ParticipantID) throws {
        let facts = CaseloadFacts(data: Fixture.data(), today: Fixture.today, now: Fixture.now)
        let row = try #require(facts.row(id))
        let detail = try Fixture.source().loadParticipant(id, today: Fixture.today)
        for (week, shown) in [(Fixture.today.isoWeek, row.hours), (Fixture.today.adding(days: -7).isoWeek, row.lastWeekHours)] {
            let progress = ServiceHours.week(
                week, of: id, care: detail.participant.careTimeline, sessions: detail.sessions, settings: Fixture.program)
            #expect(shown == progress, "\(week)")
        }
    }

    @Test("The roster's score changes equal the progress tab's", arguments: Fixture.roster.map(\.id))
    func changesAgree(id: ParticipantID) throws {
        let facts = CaseloadFacts(data: Fixture.data(), today: Fixture.today, now: Fixture.now)
        let row = try #require(facts.row(id))
        let detail = try Fixture.source().loadParticipant(id, today: Fixture.today)
        let progress = Instrument.allCases.compactMap {
            ScoreChange.sinceAdmission($0, in: detail.checkIns, admission: detail.participant.admissionDate)
        }
        #expect(RosterRow.changes(row.entry) == progress)
    }

    @Test("A safety flag still open after discharge stays on the dashboard, not on the roster")
    func openFlagAfterDischarge() throws {
        // Ivan Petrov (P-0013) was discharged on 13 Nov; his check-in the day before raised a flag.
        let checkIns = Fixture.checkIns.filter { $0.participant != "P-0013" }
            + [Fixture.checkIn("P-0013", "2026-11-12", phq: 5, gad: 2, itemNine: 1)]
        var data = Fixture.data()
        data.roster = Fixture.index(checkIns)
        let facts = CaseloadFacts(data: data, today: Fixture.today, now: Fixture.now)

        #expect(facts.row("P-0013") == nil)
        #expect(!facts.rows.contains { $0.id == "P-0013" })
        let dashboard = DashboardReport.build(data: data, facts: facts, session: Fixture.session(as: Fixture.sandra))
        let flags = try #require(dashboard.sections.first)
        let ivan = try #require(flags.rows.first { $0.participant == "P-0013" })
        #expect(ivan.cells[1].map(\.text).joined() == "Petrov, Ivan (discharged)")
        for section in dashboard.sections.dropFirst() {
            #expect(!section.rows.contains { $0.participant == "P-0013" }, "\(section.title)")
        }
        let today = TodayReport.build(data: data, facts: facts, session: Fixture.session(as: Fixture.maria))
        #expect(today.sections[0].rows.contains { $0.participant == "P-0013" })
    }
}
