import CaseloadCore
import TerminalKit

/// The content of each participant tab as lines, for drawing and for bounding the scroll.
enum ParticipantTabs {
    static func lines(_ tab: ParticipantTab, _ detail: ParticipantDetail, state: ConsoleState, width: Int)
        -> [[Span]]
    {
        switch tab {
        case .overview: OverviewTab.lines(detail, state: state, width: width)
        case .sessions: SessionsTab.lines(detail, state: state, width: width)
        case .progress: ProgressTab.lines(detail, state: state, width: width)
        case .plan: PlanTab.lines(detail, state: state, width: width)
        case .family: FamilyTab.lines(detail, state: state, width: width)
        case .discharge: DischargeTab.lines(detail, state: state, width: width)
        }
    }

    /// "Maria Garcia, LCSW", or the id when the staff member is unknown (or their name cannot be shown).
    static func staffName(_ id: StaffID, _ state: ConsoleState) -> String {
        signer(nil, id, state)
    }

    /// A signature line as it was kept ("Maria Garcia, LCSW"), else the staff member's current one.
    static func signer(_ signedAs: String?, _ id: StaffID, _ state: ConsoleState) -> String {
        ShownName.of(signedAs ?? state.data.staff[id]?.signatureLine ?? id.rawValue, id: id.rawValue,
                     glyphs: state.session.glyphs)
    }

    /// "Núñez, José (Pepe)" as the roster names them, or the id of someone no longer on it.
    static func participantName(_ id: ParticipantID, _ state: ConsoleState) -> String {
        state.digest.facts.row(id)?.name ?? id.rawValue
    }

    /// "José Núñez" (preferred name first) for a sentence, or the id of someone no longer on the roster.
    static func participantInSentence(_ id: ParticipantID, _ state: ConsoleState) -> String {
        state.digest.facts.row(id)?.entry.displayName ?? id.rawValue
    }

    /// The alerts that lead the overview: open safety flags, overdue check-in, short hours, notes.
    static func alerts(_ detail: ParticipantDetail, state: ConsoleState) -> [[Span]] {
        let glyphs = state.session.glyphs
        var alerts: [[Span]] = []
        // First: an unreadable check-in may hold an open safety flag that nothing below shows.
        for file in detail.damagedCheckIns {
            alerts.append([Span("Check-in file \(file) could not be read", .error),
                           Span(" \(glyphs.dash) an open safety flag may be missing; run caseload check", .value)])
        }
        for checkIn in detail.checkIns {
            guard let flag = checkIn.safetyFlag, flag.isOpen else { continue }
            let awaiting = flag.isAwaitingReview
            let title = awaiting ? "High risk, awaiting supervisor review" : "Open safety flag"
            alerts.append([Span("\(glyphs.safetyFlag) \(title)", .flagSafety),
                           Span(awaiting ? (Permissions.allows(.reviewRiskAssessment, by: state.session.staff)
                                                ? " (R reviews)" : " (a supervisor reviews it)") : " (A assesses)", .key),
                           Span(": \(flag.origin) on \(Format.date(checkIn.date))", .value),
                           // `checkin acknowledge` takes the check-in's id.
                           Span(" \(glyphs.separator) \(checkIn.id)", .muted)])
        }
        if let row = state.digest.facts.row(detail.participant.id) {
            let today = state.session.today
            if row.isCheckInOverdue(on: today) {
                alerts.append([Span("Check-in overdue \(Format.days(row.checkIn.daysOverdue(on: today)))", .flagWarning)])
            }
            if !row.lastWeekHours.meetsRequirement {
                alerts.append([Span("Below required hours last week: \(Format.hours(row.lastWeekHours.attendedHours)) of "
                                    + "\(Format.hours(row.lastWeekHours.requiredHours))", .meterShort)])
            }
            if row.overdueNotes > 0 {
                alerts.append([Span("\(Format.count(row.overdueNotes, "note")) overdue", .flagWarning)])
            }
        }
        return alerts
    }
}
