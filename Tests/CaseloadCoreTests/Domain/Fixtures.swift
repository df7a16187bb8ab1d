import Foundation

@testable import CaseloadCore

/// Small builders shared by the domain tests, so each test states only what it is about.
enum Fixture {
    static let time = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-19T…Z
    static let counselor: StaffID = "mgarcia"
    static let revision = Revision(createdAt: time, createdBy: counselor)
    /// The counselor's staff record, for signing.
    static let counselorStaff = Staff(
        id: counselor, displayName: "Maria Garcia", credentials: "LCSW", role: .counselor, revision: revision)
    static let settings = ProgramSettings(
        name: "Riverside IOP", timeZoneIdentifier: "America/Chicago", revision: revision)

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }

    /// A risk assessment at `level`: thoughts of death only, a safety plan, follow-up the next day.
    static func assessment(_ level: RiskLevel, by staff: StaffID = counselor, at instant: Date = time) -> RiskAssessment {
        RiskAssessment(
            by: staff, at: instant,
            answers: try! RiskAnswers(Dictionary(uniqueKeysWithValues: RiskQuestion.allCases.map { ($0, $0 == .thoughtsOfDeath) })),
            protectiveFactors: "Children at home; engaged with sponsor", riskLevel: level, actions: [.safetyPlan],
            otherAction: nil, followUp: date("2026-11-20"))
    }

    static func participant(level: LevelOfCare = .php, admitted: String = "2026-10-01")
        -> Participant
    {
        Participant(
            id: "P-0001", firstName: "José", lastName: "Núñez", dateOfBirth: date("1990-05-17"),
            admissionDate: date(admitted), referralSource: "Self", track: .coOccurring,
            primaryCounselor: counselor, levelOfCare: level, revision: revision)
    }

    static func session(
        _ id: String = "S-20261118-0900-aaaaaa", kind: SessionKind = .group,
        date: String = "2026-11-18", start: String = "09:00", minutes: Int = 180,
        members: [SessionMember]
    ) -> Session {
        try! Session(
            id: SessionID(id), kind: kind, date: Fixture.date(date),
            startTime: try! LocalTime(start), durationMinutes: minutes, facilitators: [counselor],
            topic: "Coping skills", members: members, revision: revision)
    }

    static func member(
        _ id: ParticipantID = "P-0001", _ status: AttendanceStatus = .present, minutes: Int = 180,
        note: Note? = nil
    ) -> SessionMember {
        SessionMember(
            participant: id, attendance: Attendance(status: status, minutesAttended: minutes),
            note: note)
    }

    static func checkIn(date: String, phq9: [Int]?, gad7: [Int]? = nil, id: String? = nil) throws
        -> CheckIn
    {
        try CheckIn(
            id: CheckInID(id ?? "C-\(date)"), participant: "P-0001", date: Fixture.date(date),
            recordedBy: counselor, phq9: phq9, gad7: gad7, craving: 2,
            substanceUse: SubstanceUse(used: false), revision: revision)
    }

    /// Answers that add up to `total` on an instrument, spread over the items, item 9 kept 0.
    static func answers(total: Int, items: Int) -> [Int] {
        var remaining = total
        return (0..<items).map { index in
            let isItemNine = items == 9 && index == 8
            let value = isItemNine ? 0 : min(3, remaining)
            remaining -= value
            return value
        }
    }
}
