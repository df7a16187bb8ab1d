@testable import CaseloadCore
import Foundation
import Testing

@Suite("Overlapping sessions")
struct SessionOverlapTests {
    typealias Fixture = UseCaseCaseload

    /// A first group 09:00–10:30 on 2026-11-20 with P-0001 (attending as `first`), then an
    /// individual session with P-0001 at `start` for `minutes`.
    @Test(
        "A participant in two overlapping sessions is refused naming the other, unless it is a pull-out",
        arguments: [
            ("10:00", 50, AttendanceStatus.present, false, true),
            ("08:30", 31, .present, false, true),
            ("09:15", 30, .present, false, true),
            ("10:00", 50, .present, true, false),
            ("10:30", 50, .present, false, false),
            ("08:00", 60, .present, false, false),
            ("10:00", 50, .excused, false, false),
        ] as [(String, Int, AttendanceStatus, Bool, Bool)])
    func participantOverlap(start: String, minutes: Int, first: AttendanceStatus, allowOverlap: Bool, refused: Bool) throws {
        let fixture = try Fixture()
        let group = try fixture.record(Fixture.request(members: [.init("P-0001", first)])).record
        let second = Fixture.request(
            .individual, at: start, minutes: minutes, facilitators: ["jlee"], allowOverlap: allowOverlap)
        let message = refusalMessage { () throws(CaseloadError) in try fixture.record(second) }
        #expect(
            message == (refused
                ? "P-0001 is already in session \(group.id) at an overlapping time; if they stepped out of it for this "
                    + "one, record it as a pull-out (--allow-overlap)." : nil))
    }

    @Test("A session running past midnight overlaps one early the next morning")
    func pastMidnight() throws {
        let fixture = try Fixture()
        let late = try fixture.record(Fixture.request(.individual, on: "2026-11-19", at: "23:30", minutes: 120)).record
        let message = refusalMessage { () throws(CaseloadError) in
            try fixture.record(Fixture.request(.individual, on: "2026-11-20", at: "01:00", minutes: 30))
        }
        #expect(message?.contains("already in session \(late.id)") == true)
    }

    @Test("A facilitator leading two overlapping sessions is warned, and the session is saved")
    func facilitatorDoubleBooked() throws {
        let fixture = try Fixture()
        let group = try fixture.record(Fixture.request(members: [.init("P-0001")])).record
        let outcome = try fixture.record(
            Fixture.request(.individual, at: "10:00", minutes: 50, facilitators: ["jlee", "mgarcia"], members: [.init("P-0002")]))
        #expect(outcome.warnings == [.facilitatorDoubleBooked("mgarcia", other: group.id)])
        #expect(
            outcome.warnings.map(\.description)
                == ["mgarcia also facilitates session \(group.id) at an overlapping time; the session was saved."])
        #expect(try fixture.caseload.store.session(outcome.record.id) == outcome.record)
    }
}
