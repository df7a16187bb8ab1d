import CaseloadCore

/// Whose participants the roster lists.
public enum RosterScope: Sendable, Equatable {
    /// Participants whose primary counselor is the signed-in staff member.
    case mine
    case all
    /// One counselor's caseload, opened from their line on the Dashboard.
    case caseload(of: StaffID)
    /// Participants discharged from the program, whose charts open read-only.
    case discharged
}

/// The roster's orderings; each has the direction a clinician wants first.
public enum RosterSort: Int, CaseIterable, Sendable, Equatable {
    case name
    case level
    case hours
    case lastCheckIn
    case score

    public var title: String {
        switch self {
        case .name: "name"
        case .level: "level of care"
        case .hours: "hours this week"
        case .lastCheckIn: "last check-in"
        case .score: "PHQ-9 score"
        }
    }

    /// What the first row is under the default direction, for the status line.
    var firstIs: String {
        switch self {
        case .name: "A first"
        case .level: "PHP first"
        case .hours: "fewest hours first"
        case .lastCheckIn: "oldest check-in first"
        case .score: "highest score first"
        }
    }

    var next: RosterSort { Self(rawValue: (rawValue + 1) % Self.allCases.count)! }
}

/// Which pane of the roster screen takes j/k when roster and detail stand side by side.
public enum RosterPane: Sendable, Equatable {
    case list
    case detail
}

public struct RosterState: Sendable, Equatable {
    public var scope: RosterScope
    public var sort: RosterSort = .name
    public var reversed = false
    public var query = ""
    /// True while the user types into `/`.
    public var isEditingQuery = false
    /// Indices into the roster rows, filtered and sorted: the only thing render walks.
    public internal(set) var visible: [Int] = []
    public var cursor = ListCursor()
    public var focus: RosterPane = .list
    public var detailScroll = 0

    public init(scope: RosterScope) { self.scope = scope }
}
