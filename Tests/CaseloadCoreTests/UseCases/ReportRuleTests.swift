import Testing

@testable import CaseloadCore

@Suite("Reports: which weeks can be asked for")
struct ReportRuleTests {
    @Test("This week and earlier ones are reported; a week that has not begun is refused")
    func weeks() throws {
        let world = try LifecycleCaseload()
        let today = try world.caseload.today()
        _ = try world.caseload.programReport(week: today.isoWeek)
        _ = try world.caseload.programReport(week: today.adding(days: -7).isoWeek)
        let next = today.adding(days: 7).isoWeek
        #expect(throws: CaseloadError.refused(.reportWeekNotBegun(next.monday, today: today))) {
            try world.caseload.programReport(week: next)
        }
    }
}
