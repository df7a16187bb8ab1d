@testable import CaseloadConsole
import CaseloadCore
import Testing
import TerminalKit

/// The demo generator's caseload through the console: every screen renders at both sizes with
/// known roles. No golden file here: the demo's invented people may change, the fixture's do not.
@Suite struct DemoCaseloadTests {
    final class Collector: DemoSink {
        var records: [DemoRecord] = []
        func write(_ record: DemoRecord) throws { records.append(record) }
    }

    static let demo: (source: InMemoryDataSource, counselor: Staff) = {
        let collector = Collector()
        _ = try! DemoCaseload.generate(DemoCaseload.Options(participants: 30, weeks: 4, today: Fixture.today),
                                       into: collector)
        var program: ProgramSettings?
        var staff: [StaffID: Staff] = [:]
        var participants: [ParticipantID: Participant] = [:]
        var sessions: [Session] = []
        var checkIns: [CheckIn] = []
        for record in collector.records {
            switch record {
            case .program(let settings): program = settings
            case .staff(let member): staff[member.id] = member
            case .participant(let person): participants[person.id] = person
            case .session(let session): sessions.append(session)
            case .checkIn(let checkIn): checkIns.append(checkIn)
            }
        }
        let byParticipant = Dictionary(grouping: checkIns, by: \.participant)
        let roster = participants.values.filter { $0.status != .discharged }.sorted { $0.id < $1.id }.map { person in
            RosterEntry(participant: person, checkIns: byParticipant[person.id] ?? [])
        }
        let data = ConsoleData(program: program!, staff: staff, roster: roster, sessions: [])
        let counselor = staff.values.sorted { $0.id < $1.id }.first { $0.role == .counselor }!
        return (InMemoryDataSource(data: data, participants: Array(participants.values), checkIns: checkIns,
                                   allSessions: sessions), counselor)
    }()

    func session() -> ConsoleSession {
        ConsoleSession(staff: Self.demo.counselor, today: Fixture.today, now: Fixture.now)
    }

    @Test(arguments: ScreenName.allCases)
    func everyScreenRenders(_ name: ScreenName) throws {
        let someone = Self.demo.source.data.roster.first?.id
        for size in [Size(cols: 80, rows: 24), Size(cols: 160, rows: 48)] {
            let state = try ConsoleState.forRender(screen: name, participant: someone, session: session(),
                                                   source: Self.demo.source, size: size)
            let screen = render(state, size: size)
            #expect(screen.size == size)
            #expect(Set(screen.cells.map(\.role)).allSatisfy { $0.isKnown })
        }
    }
}
