import CaseloadCore

/// Everything the console derives from one data snapshot for the signed-in staff member on one
/// day: roster rows and the three report screens. Built when data loads or the day changes,
/// never while drawing.
struct Digest: Sendable, Equatable {
    let facts: CaseloadFacts
    let today: Report
    let sessions: Report
    let dashboard: Report

    init(data: ConsoleData, discharged: [RosterEntry]? = nil, session: ConsoleSession, sessionsWeek: SessionsWeek) {
        facts = CaseloadFacts(data: data, discharged: discharged ?? [], today: session.today, now: session.now)
        today = TodayReport.build(data: data, facts: facts, session: session)
        sessions = SessionsReport.build(data: data, facts: facts, session: session, week: sessionsWeek)
        dashboard = DashboardReport.build(data: data, facts: facts, session: session)
    }

    func report(_ page: Page) -> Report? {
        switch page {
        case .today: today
        case .sessions: sessions
        case .dashboard: dashboard
        case .roster: nil
        }
    }
}
