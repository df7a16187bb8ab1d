import CaseloadCore

/// The top-level screens, switched with 1–4; numbered so more can follow.
public enum Page: Int, CaseIterable, Sendable, Hashable {
    case today = 1
    case roster
    case sessions
    case dashboard

    public var title: String {
        switch self {
        case .today: "Today"
        case .roster: "Roster"
        case .sessions: "Sessions"
        case .dashboard: "Dashboard"
        }
    }
}

/// The participant screen's tabs, in the order Tab walks them.
public enum ParticipantTab: Int, CaseIterable, Sendable, Hashable {
    case overview
    case sessions
    case progress
    case plan
    case family
    case discharge

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .sessions: "Sessions & notes"
        case .progress: "Check-ins & progress"
        case .plan: "Plan"
        case .family: "Family & consents"
        case .discharge: "Discharge"
        }
    }

    /// For tab bars too narrow for `title`.
    public var shortTitle: String {
        switch self {
        case .overview: "Overview"
        case .sessions: "Notes"
        case .progress: "Progress"
        case .plan: "Plan"
        case .family: "Family"
        case .discharge: "Discharge"
        }
    }

    var next: ParticipantTab { Self(rawValue: (rawValue + 1) % Self.allCases.count)! }
    var previous: ParticipantTab { Self(rawValue: (rawValue + Self.allCases.count - 1) % Self.allCases.count)! }
}

/// The participant screen: whose, which tab, how far scrolled, and the plan line selected.
public struct ParticipantScreen: Sendable, Equatable {
    public var id: ParticipantID
    public var tab: ParticipantTab
    public var scroll: Int
    /// The problem, goal or objective selected on the Plan tab, by its place in `PlanTab.items`.
    public var planItem: Int

    public init(id: ParticipantID, tab: ParticipantTab = .overview, scroll: Int = 0, planItem: Int = 0) {
        self.id = id
        self.tab = tab
        self.scroll = scroll
        self.planItem = planItem
    }
}

/// A selection in a list and the first row shown, kept so scrolling is stable like in less.
public struct ListCursor: Sendable, Equatable {
    public var selected: Int
    public var top: Int

    public init(selected: Int = 0, top: Int = 0) {
        self.selected = selected
        self.top = top
    }

    /// Moves to `index` (clamped to the list) and scrolls just enough to keep it in `height` rows.
    mutating func select(_ index: Int, count: Int, height: Int) {
        selected = max(0, min(index, count - 1))
        let height = max(1, height)
        if selected < top { top = selected }
        if selected >= top + height { top = selected - height + 1 }
        top = max(0, min(top, max(0, count - height)))
    }
}

/// What is shown over the screen, taking the keys until it closes.
public enum Overlay: Sendable, Equatable {
    case help(scroll: Int)
    case palette(PaletteState)
}

/// How far the detail of a participant has come.
public enum DetailLoad: Sendable, Equatable {
    case none
    case loading(ParticipantID)
    case loaded(ParticipantDetail)
    case failed(ParticipantID, String)

    var participant: ParticipantID? {
        switch self {
        case .none: nil
        case .loading(let id), .failed(let id, _): id
        case .loaded(let detail): detail.participant.id
        }
    }
}

/// The line at the bottom saying what just happened.
public struct StatusMessage: Sendable, Equatable {
    public var text: String
    public var isError: Bool

    public static func info(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: false) }
    public static func error(_ text: String) -> StatusMessage { StatusMessage(text: text, isError: true) }
}
