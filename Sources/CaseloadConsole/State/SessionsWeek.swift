import CaseloadCore

/// Which week the Sessions screen shows, whose sessions, and the week's sessions once loaded
/// (this week's come with the caseload; others are loaded when the user moves to them).
public struct SessionsWeek: Sendable, Equatable {
    public var week: ISOWeek
    /// Only sessions the signed-in person facilitates.
    public var mineOnly: Bool
    /// The week's sessions when it is not the current one; nil until loaded.
    var loaded: [Session]?

    init(week: ISOWeek, mineOnly: Bool) {
        self.week = week
        self.mineOnly = mineOnly
    }
}
