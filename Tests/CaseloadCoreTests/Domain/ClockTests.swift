@testable import CaseloadCore
import Foundation
import Testing

@Suite("The one clock")
struct ClockTests {
    @Test("CASELOAD_NOW pins the clock to the instant it names", arguments: [
        ("2027-01-04T09:30:00-06:00", 1_799_076_600.0),
        ("2027-01-04T15:30:00Z", 1_799_076_600.0),
        ("2027-01-04T21:00:00+05:30", 1_799_076_600.0),
        ("2027-01-04T15:30:00.250Z", 1_799_076_600.0),
    ])
    func pinned(text: String, seconds: Double) throws {
        let clock = try Clock.from(environment: [Clock.environmentVariable: text])
        #expect(clock.now() == Date(timeIntervalSince1970: seconds))
        #expect(clock.isPinned)
    }

    @Test("A time that does not exist is refused, never rolled over", arguments: [
        "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:60:00Z",
        "2026-11-23T10:00:00+25:00", "2026-11-23T10:00:00+99:99", "2026-11-23T10:00:00+14:30", "2026-11-23T10:00:00",
        "2026-11-23", "tomorrow", "2026-11-23 10:00:00Z",
    ])
    func refused(text: String) {
        #expect(throws: ClockError.invalidPinnedTime(text)) { try Clock.from(environment: [Clock.environmentVariable: text]) }
    }

    @Test("Without CASELOAD_NOW, or with it empty, the computer's clock runs")
    func system() throws {
        #expect(try !Clock.from(environment: [:]).isPinned)
        #expect(try !Clock.from(environment: [Clock.environmentVariable: ""]).isPinned)
        #expect(!Clock.fixed(Date(timeIntervalSince1970: 0)).isPinned)
    }
}
