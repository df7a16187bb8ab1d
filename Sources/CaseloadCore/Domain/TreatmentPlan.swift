/// The individualized plan: problems, each with goals, each with measurable objectives.
public struct TreatmentPlan: Codable, Sendable, Equatable {
    public var startedOn: LocalDate
    /// The latest review's date; kept beside `reviews` because plans saved before reviews were
    /// kept have this date alone.
    public var lastReviewedOn: LocalDate?
    public var nextReviewDue: LocalDate?
    public var problems: [Problem]
    /// Every review recorded, oldest first; plans saved before reviews were kept have none.
    public var reviews: [PlanReview]

    /// How often a plan is reviewed when the program has not said: IOP and PHP programs review
    /// plans at least every 30 days (`ProgramSettings.planReviewDays`).
    public static let defaultReviewDays = 30

    public init(startedOn: LocalDate, problems: [Problem] = []) {
        self.startedOn = startedOn
        self.problems = problems
        self.reviews = []
        self.nextReviewDue = startedOn.adding(days: Self.defaultReviewDays)
    }

    private enum CodingKeys: String, CodingKey {
        case startedOn, lastReviewedOn, nextReviewDue, problems, reviews
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        startedOn = try container.decode(LocalDate.self, forKey: .startedOn)
        lastReviewedOn = try container.decodeIfPresent(LocalDate.self, forKey: .lastReviewedOn)
        nextReviewDue = try container.decodeIfPresent(LocalDate.self, forKey: .nextReviewDue)
        problems = try container.decode([Problem].self, forKey: .problems)
        reviews = try container.decodeIfPresent([PlanReview].self, forKey: .reviews) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(startedOn, forKey: .startedOn)
        try container.encodeIfPresent(lastReviewedOn, forKey: .lastReviewedOn)
        try container.encodeIfPresent(nextReviewDue, forKey: .nextReviewDue)
        try container.encode(problems, forKey: .problems)
        // Left out while empty, so a plan nobody has reviewed reads as older builds wrote it.
        if !reviews.isEmpty { try container.encode(reviews, forKey: .reviews) }
    }

    public var objectives: [Objective] { problems.flatMap { $0.goals.flatMap(\.objectives) } }

    /// The one rule for "the plan review is overdue": the day after the next review was due.
    public func isReviewOverdue(on date: LocalDate) -> Bool {
        Self.isReviewOverdue(due: nextReviewDue, on: date)
    }

    /// The one rule for when a plan review is overdue, for callers holding only the due date (the
    /// roster index): the day after it is due.
    public static func isReviewOverdue(due: LocalDate?, on date: LocalDate) -> Bool {
        due.map { date > $0 } ?? false
    }
}

/// A plan review as recorded: the day it took place, what was concluded, who reviewed it, and
/// when the next one was then due.
public struct PlanReview: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var note: String
    public var by: StaffID
    public var nextDue: LocalDate

    public init(date: LocalDate, note: String, by: StaffID, nextDue: LocalDate) {
        self.date = date
        self.note = note
        self.by = by
        self.nextDue = nextDue
    }
}

public struct Problem: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var statement: String
    public var goals: [Goal]

    public init(id: String, statement: String, goals: [Goal]) {
        self.id = id
        self.statement = statement
        self.goals = goals
    }
}

public struct Goal: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    public var statement: String
    public var objectives: [Objective]

    public init(id: String, statement: String, objectives: [Objective]) {
        self.id = id
        self.statement = statement
        self.objectives = objectives
    }
}

public struct Objective: Codable, Sendable, Equatable, Identifiable {
    public var id: String
    /// Written so it can be measured: "Attends 3 mutual-support meetings a week".
    public var statement: String
    public var targetDate: LocalDate
    public var status: ObjectiveStatus

    public init(id: String, statement: String, targetDate: LocalDate,
                status: ObjectiveStatus = .notStarted) {
        self.id = id
        self.statement = statement
        self.targetDate = targetDate
        self.status = status
    }
}

public enum ObjectiveStatus: String, Codable, Sendable, CaseIterable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case met
    case revised
    case discontinued
    /// Plans written before "discontinued" existed; read and shown as written, never set again
    /// (an objective not met is revised or discontinued).
    case notMet = "not-met"

    /// The statuses an objective can be given, in the order forms offer them.
    public static let choices: [ObjectiveStatus] = [.notStarted, .inProgress, .met, .revised, .discontinued]

    public var title: String {
        switch self {
        case .notStarted: "Not started"
        case .inProgress: "In progress"
        case .met: "Met"
        case .revised: "Revised"
        case .discontinued: "Discontinued"
        case .notMet: "Not met"
        }
    }

    /// Still being worked on: not started or in progress. A closed objective's target date is no
    /// longer a deadline.
    public var isOpen: Bool { self == .notStarted || self == .inProgress }
}

/// How and when a participant left, with the plan that follows them out.
public struct Discharge: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var type: DischargeType
    public var summary: String
    public var aftercare: AftercarePlan
    public var dischargedBy: StaffID
    /// Why a supervisor discharged while a safety flag was still open; nil when none was.
    public var openFlagOverride: String?

    public init(date: LocalDate, type: DischargeType, summary: String, aftercare: AftercarePlan,
                dischargedBy: StaffID, openFlagOverride: String? = nil) {
        self.date = date
        self.type = type
        self.summary = summary
        self.aftercare = aftercare
        self.dischargedBy = dischargedBy
        self.openFlagOverride = openFlagOverride
    }
}

public enum DischargeType: String, Codable, Sendable, CaseIterable {
    case completed
    case stepDown = "step-down"
    case againstAdvice = "against-advice"
    case administrative
    case transferred

    public var title: String {
        switch self {
        case .completed: "Completed program"
        case .stepDown: "Stepped down to a lower level of care"
        case .againstAdvice: "Left against clinical advice"
        case .administrative: "Administrative discharge"
        case .transferred: "Transferred to another provider"
        }
    }
}

public struct AftercarePlan: Codable, Sendable, Equatable {
    public var supportGroups: [String]
    public var followUps: [FollowUpAppointment]
    public var soberLiving: String?

    public init(supportGroups: [String] = [], followUps: [FollowUpAppointment] = [],
                soberLiving: String? = nil) {
        self.supportGroups = supportGroups
        self.followUps = followUps
        self.soberLiving = soberLiving
    }

    /// Whether there is anything to follow the participant out: a group, an appointment or a place to live.
    public var isEmpty: Bool { supportGroups.isEmpty && followUps.isEmpty && soberLiving == nil }

    /// The plan with every line trimmed and lines that show nothing (blank, or only invisible
    /// characters) left out, so they cannot pass for aftercare; refused when a follow-up lacks
    /// whom it is with or its purpose, or is dated before the discharge it follows.
    public func validated(dischargedOn discharge: LocalDate) throws(DomainError) -> AftercarePlan {
        for group in supportGroups { try refuseControls(group, "A support group") }
        try refuseControls(soberLiving, "The sober-living arrangement")
        let followUps = try self.followUps.map { (appointment) throws(DomainError) -> FollowUpAppointment in
            try refuseControls(appointment.with, "Whom the follow-up is with")
            try refuseControls(appointment.purpose, "The follow-up's purpose")
            guard appointment.with.hasVisibleText, appointment.purpose.hasVisibleText else { throw .followUpIncomplete }
            guard appointment.date >= discharge else {
                throw .followUpBeforeDischarge(appointment.date, discharge: discharge)
            }
            return FollowUpAppointment(date: appointment.date, with: appointment.with.trimmed, purpose: appointment.purpose.trimmed)
        }
        return AftercarePlan(
            supportGroups: supportGroups.filter(\.hasVisibleText).map(\.trimmed), followUps: followUps,
            soberLiving: soberLiving.flatMap { $0.hasVisibleText ? $0.trimmed : nil })
    }
}

public struct FollowUpAppointment: Codable, Sendable, Equatable {
    public var date: LocalDate
    public var with: String
    public var purpose: String

    public init(date: LocalDate, with: String, purpose: String) {
        self.date = date
        self.with = with
        self.purpose = purpose
    }
}
