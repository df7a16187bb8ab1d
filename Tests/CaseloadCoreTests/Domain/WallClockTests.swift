@testable import CaseloadCore
import Foundation
import Testing

@Suite("Times shown with their zone")
struct WallClockTests {
    @Test("Signatures read in the program's zone, named, on both sides of a clock change", arguments: [
        (1_795_464_000.0, "America/Chicago", "2026-11-23 14:00 CST"),
        (1_780_000_000.0, "America/Chicago", "2026-05-28 15:26 CDT"),
        (1_795_464_000.0, "UTC", "2026-11-23 20:00 GMT"),
    ])
    func wallClock(seconds: Double, zone: String, expected: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        #expect(timeZone.wallClock(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
