@testable import CaseloadCore
import Foundation

/// A scratch caseload for the use-case tests, its clock stopped on Monday 2026-11-23 at 14:00 in
/// Chicago. Staff: admin, counselors mgarcia and jlee, supervisor lchen, inactive counselor kold.
/// Participants admitted 2026-11-02: P-0001 and P-0002 (support member F1, Lucía Núñez, consented
/// for family sessions), P-0003 (discharged 2026-11-10), P-0004 (no support members).
struct UseCaseCaseload {
    static let now = Clock.parseInstant("2026-11-23T14:00:00-06:00")!

    let scratch: ScratchFolder
    let caseload: Caseload

    var store: CaseloadStore { caseload.store }

    /// `fileSystem`: what the store works through once the caseload exists (a faulty one, say).
    init(fileSystem: any FileSystem = PosixFileSystem()) throws {
        scratch = try ScratchFolder()
        let url = URL(fileURLWithPath: scratch.path)
        let clock = Clock.fixed(Self.now)
        try CaseloadStore.create(at: url, programName: "Riverside IOP", timeZone: "America/Chicago", by: "admin", clock: clock)
        caseload = Caseload(store: try CaseloadStore.open(at: url, fileSystem: fileSystem, clock: clock))
        _ = try caseload.addStaff("admin", displayName: "Ada Okafor", credentials: "", role: .admin, by: "admin")
        for (id, role) in [("mgarcia", StaffRole.counselor), ("jlee", .counselor), ("lchen", .supervisor), ("kold", .counselor)] {
            _ = try caseload.addStaff(StaffID(id), displayName: "Staff \(id)", credentials: "LCSW", role: role, by: "admin")
        }
        _ = try caseload.changeStaff("kold", StaffChange(isActive: false), by: "admin")
        try add(Self.participant("P-0001", support: Self.supportMembers))
        try add(Self.participant("P-0002", support: [Self.consented("F1", "LUCÍA NÚÑEZ")]))
        var discharged = Self.participant("P-0003")
        try discharged.discharge(
            Discharge(
                date: Self.date("2026-11-10"), type: .completed, summary: "Completed IOP.",
                aftercare: AftercarePlan(supportGroups: []), dischargedBy: "mgarcia"))
        try add(discharged)
        try add(Self.participant("P-0004"))
    }

    private func add(_ participant: Participant) throws {
        try caseload.store.add(participant, action: .participantAdd, by: "mgarcia")
    }

    /// P-0001's support members: F1 consented for family sessions; F2 consented for attendance
    /// only; F3's consent expired 2026-11-15; F4 has none; F5 signed only on 2026-11-21.
    static let supportMembers = [
        consented("F1", "Lucía Núñez"),
        SupportMember(
            id: "F2", name: "Marco Núñez", relationship: "Brother",
            consent: DisclosureConsent(
                recipient: "Marco Núñez", purpose: "Family involvement", categories: [.attendance],
                signedOn: date("2026-11-01"), expiresOn: date("2027-11-01"))),
        SupportMember(
            id: "F3", name: "Rosa Núñez", relationship: "Aunt",
            consent: DisclosureConsent(
                recipient: "Rosa Núñez", purpose: "Family involvement", categories: [.sessionParticipation],
                signedOn: date("2026-05-01"), expiresOn: date("2026-11-15"))),
        SupportMember(id: "F4", name: "Tomás Núñez", relationship: "Father"),
        SupportMember(
            id: "F5", name: "Inés Núñez", relationship: "Sister",
            consent: DisclosureConsent(
                recipient: "Inés Núñez", purpose: "Family involvement", categories: [.sessionParticipation],
                signedOn: date("2026-11-21"), expiresOn: date("2027-11-21"))),
    ]

    static func consented(_ id: String, _ name: String) -> SupportMember {
        SupportMember(
            id: id, name: name, relationship: "Mother",
            consent: DisclosureConsent(
                recipient: name, purpose: "Family involvement", categories: [.attendance, .sessionParticipation],
                signedOn: date("2026-11-01"), expiresOn: date("2027-11-01")))
    }

    static func participant(_ id: ParticipantID, support: [SupportMember] = []) -> Participant {
        var participant = Participant(
            id: id, firstName: "José", lastName: "Núñez", dateOfBirth: date("1990-05-17"),
            admissionDate: date("2026-11-02"), referralSource: "Self", track: .coOccurring,
            primaryCounselor: "mgarcia", levelOfCare: .iop,
            revision: Revision(createdAt: now, createdBy: "mgarcia"))
        participant.supportMembers = support
        return participant
    }

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }
    static func time(_ text: String) -> LocalTime { try! LocalTime(text) }

    /// A request with the usual defaults: a 90-minute group on Friday 2026-11-20 at 09:00.
    static func request(
        _ kind: SessionKind = .group, on date: String = "2026-11-20", at start: String = "09:00", minutes: Int = 90,
        facilitators: [StaffID] = [], topic: String? = "Coping skills", members: [AttendanceRequest] = [.init("P-0001")],
        support: [SupportMemberReference] = [], allowOverlap: Bool = false
    ) -> SessionRequest {
        SessionRequest(
            kind: kind, date: Self.date(date), start: time(start), minutes: minutes, facilitators: facilitators,
            topic: kind == .group ? topic : nil, members: members, supportMembers: support, allowOverlap: allowOverlap)
    }

    /// Records `request` as mgarcia unless told otherwise.
    @discardableResult
    func record(_ request: SessionRequest, by actor: StaffID = "mgarcia") throws(CaseloadError) -> Outcome<Session> {
        try caseload.recordSession(request, by: actor)
    }

    /// A finished group led by mgarcia with P-0001 and P-0002, its narrative written and a
    /// complete, individual DAP note for each.
    func groupReadyToSign() throws -> SessionID {
        let id = try record(Self.request(members: [.init("P-0001"), .init("P-0002")])).record.id
        _ = try caseload.writeSharedNarrative(in: id, text: "Members practiced urge surfing.", by: "mgarcia")
        for participant: ParticipantID in ["P-0001", "P-0002"] {
            _ = try caseload.writeNote(in: id, for: participant, sections: Self.dap("\(participant) named a trigger."), by: "mgarcia")
        }
        return id
    }

    static func dap(_ data: String) -> [String: String] {
        ["data": data, "assessment": "Insight improving.", "plan": "Continue IOP."]
    }
}

/// The refusal an operation threw, or nil when it went ahead.
func refusal<T>(_ body: () throws(CaseloadError) -> T) -> CaseloadError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// The message a refused operation gives, or nil when it went ahead.
func refusalMessage<T>(_ body: () throws(CaseloadError) -> T) -> String? {
    refusal(body)?.description
}
