import CaseloadCore
import Foundation
import TerminalKit

/// Who is signed in and when it is: everything the console needs from outside besides data.
/// `today` and `now` live here (not in a clock) so update and render stay pure.
public struct ConsoleSession: Sendable, Equatable {
    public var staff: Staff
    public var today: LocalDate
    public var now: Date
    public var glyphs: ConsoleGlyphs

    public init(staff: Staff, today: LocalDate, now: Date, glyphs: ConsoleGlyphs = .unicode) {
        self.staff = staff
        self.today = today
        self.now = now
        self.glyphs = glyphs
    }
}
