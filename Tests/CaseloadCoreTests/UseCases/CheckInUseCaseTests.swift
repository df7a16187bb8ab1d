@testable import CaseloadCore
import Testing

@Suite("Recording check-ins")
struct CheckInUseCaseTests {
    static let answers = [1, 1, 2, 0, 1, 0, 1, 0, 0]

    /// (who acts, the request's date and measures, the refusal or nil when it is saved).
    static let cases: [(String, StaffID, CheckInRequest, String?)] = [
        ("a counselor", "mgarcia", request(), nil),
        ("a supervisor", "lchen", request(), nil),
        ("craving alone", "mgarcia", request(phq9: nil, craving: 4), nil),
        ("on admission day", "mgarcia", request(date: "2026-11-02"), nil),
        ("an administrator", "admin", request(),
         "Only a counselor or supervisor can record a check-in; admin is an administrator."),
        ("someone who has left", "kold", request(),
         "kold is no longer an active staff member; act as someone else with --as, or ask an administrator to reactivate them."),
        ("a stranger", "ghost", request(),
         "ghost is not on this caseload's staff list; ask an administrator to add them (`caseload staff add ghost`), or act as someone else with --as."),
        ("tomorrow", "mgarcia", request(date: "2026-11-24"),
         "A check-in cannot be dated in the future (2026-11-24; today is 2026-11-23)."),
        ("before admission", "mgarcia", request(date: "2026-11-01"),
         "A check-in on 2026-11-01 would come before P-0001's admission on 2026-11-02."),
        ("no measure", "mgarcia", request(phq9: nil),
         "A check-in needs at least one of PHQ-9, GAD-7, craving, substance use or a drug screen."),
        ("a drug screen alone", "mgarcia", request(phq9: nil, screen: DrugScreen(result: .negative)), nil),
        ("a negative screen naming a substance", "mgarcia",
         request(screen: DrugScreen(result: .negative, substances: "fentanyl")),
         "Substances are named only for a positive drug screen; this one is negative."),
        ("no use, with details", "mgarcia", request(use: SubstanceUse(used: false, details: "heroin")),
         "Substance use was answered no, so no details go with it; answer yes:WHAT if they used."),
        ("a positive screen naming only blank", "mgarcia",
         request(screen: DrugScreen(result: .positive, substances: "\u{3164}")),
         "A positive drug screen needs the substances detected."),
        ("positive screen, nothing named", "mgarcia", request(screen: DrugScreen(result: .positive)),
         "A positive drug screen needs the substances detected."),
        ("an unknown participant", "mgarcia", request(participant: "P-0099"),
         "There is no participant P-0099 in this caseload; `caseload participant list --all` lists them."),
    ]

    @Test("Who may record a check-in, and when", arguments: cases)
    func record(_ name: String, actor: StaffID, request: CheckInRequest, refusal: String?) throws {
        let fixture = try UseCaseCaseload()
        do throws(CaseloadError) {
            let outcome = try fixture.caseload.recordCheckIn(request, by: actor)
            #expect(refusal == nil, "\(name) was saved")
            #expect(outcome.record.recordedBy == actor)
            #expect(outcome.record.revision.createdAt == UseCaseCaseload.now)
            #expect(outcome.warnings.isEmpty)
            #expect((try? fixture.store.checkIn(outcome.record.id, of: request.participant)) == outcome.record)
        } catch {
            #expect(error.description == refusal, "\(name)")
            #expect(fixture.store.checkIns(of: request.participant).records.isEmpty, "\(name) wrote nothing")
        }
    }

    @Test("After discharge a check-in from the stay can still be entered, but none dated later")
    func discharged() throws {
        let fixture = try UseCaseCaseload()
        let late = try fixture.caseload.recordCheckIn(Self.request(participant: "P-0003", date: "2026-11-09"), by: "mgarcia")
        #expect(late.record.date == UseCaseCaseload.date("2026-11-09"))
        #expect(late.warnings.isEmpty)
        var flagged = Self.answers
        flagged[8] = 2
        let flag = try fixture.caseload.recordCheckIn(
            Self.request(participant: "P-0003", date: "2026-11-09", phq9: flagged), by: "mgarcia")
        #expect(flag.warnings == [.flagRaisedAfterDischarge("P-0003")])
        #expect(throws: CaseloadError.refused(.dateAfterDischarge(
            .checkIn, UseCaseCaseload.date("2026-11-11"), participant: "P-0003", discharge: UseCaseCaseload.date("2026-11-10")))) {
            try fixture.caseload.recordCheckIn(Self.request(participant: "P-0003", date: "2026-11-11"), by: "mgarcia")
        }
    }

    @Test("'yes' with nothing named after it is a yes without details")
    func blankDetails() throws {
        let fixture = try UseCaseCaseload()
        let saved = try fixture.caseload.recordCheckIn(Self.request(use: SubstanceUse(used: true, details: " ")), by: "mgarcia")
        #expect(saved.record.substanceUse == SubstanceUse(used: true, details: nil))
    }

    static func request(
        participant: ParticipantID = "P-0001", date: String = "2026-11-23", phq9: [Int]? = answers, craving: Int? = nil,
        use: SubstanceUse? = nil, screen: DrugScreen? = nil
    ) -> CheckInRequest {
        CheckInRequest(
            participant: participant, date: try! LocalDate(date), phq9: phq9, craving: craving, substanceUse: use,
            drugScreen: screen)
    }
}
