import Foundation
import Testing

@testable import CaseloadCore

/// A scratch caseload stopped at Monday 2026-11-23 14:00 in Chicago, with one staff member of
/// each kind the permission table distinguishes, and one participant in care.
struct LifecycleCaseload {
    static let now = UseCaseCaseload.now
    static let today = date("2026-11-23")

    static let admin: StaffID = "admin"
    static let counselor: StaffID = "mgarcia"
    static let supervisor: StaffID = "lchen"
    static let deactivated: StaffID = "jlee"

    let scratch: ScratchFolder
    let caseload: Caseload
    /// Admitted 2026-11-02 to IOP by mgarcia, with support member S1 under a current consent.
    let participant: ParticipantID

    var store: CaseloadStore { caseload.store }

    init() throws {
        scratch = try ScratchFolder()
        let url = URL(fileURLWithPath: scratch.path)
        try CaseloadStore.create(at: url, programName: "Riverside IOP", timeZone: "America/Chicago", by: Self.admin)
        caseload = Caseload(store: try CaseloadStore.open(at: url, clock: .fixed(Self.now)))
        _ = try caseload.addStaff(Self.admin, displayName: "Ada Okafor", credentials: "", role: .admin, by: Self.admin)
        for (id, role) in [(Self.counselor, StaffRole.counselor), (Self.supervisor, .supervisor), (Self.deactivated, .counselor)] {
            _ = try caseload.addStaff(id, displayName: "Staff \(id)", credentials: "LCSW", role: role, by: Self.admin)
        }
        _ = try caseload.changeStaff(Self.deactivated, StaffChange(isActive: false), by: Self.admin)
        participant = try caseload.admit(Self.admission(), by: Self.counselor).record.id
        _ = try caseload.editParticipant(
            participant, ParticipantChange(addSupportMembers: [NewSupportMember(name: "Ana", relationship: "sister")]),
            by: Self.counselor)
        _ = try caseload.addConsent(participant, member: "S1", Self.consent(), by: Self.counselor)
    }

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }

    static func admission(
        first: String = "José", last: String = "Núñez", born: String = "1988-04-02", admitted: String = "2026-11-02",
        counselor: StaffID? = nil
    ) -> AdmissionRequest {
        AdmissionRequest(
            firstName: first, lastName: last, dateOfBirth: date(born), admissionDate: date(admitted), levelOfCare: .iop,
            track: .coOccurring, primaryCounselor: counselor)
    }

    static func consent(
        signed: String = "2026-11-02", expires: String = "2027-05-02",
        categories: [DisclosureCategory] = [.attendance, .sessionParticipation], recipient: String = "Ana Núñez"
    ) -> ConsentRequest {
        ConsentRequest(
            recipient: recipient, purpose: "Family involvement in treatment", categories: categories,
            signedOn: date(signed), expiresOn: date(expires))
    }

    static func discharge(
        on day: String = "2026-11-20", type: DischargeType = .completed, aftercare: Bool = true, override: String? = nil
    ) -> DischargeRequest {
        DischargeRequest(
            date: date(day), type: type, summary: "Completed IOP",
            aftercare: aftercare ? AftercarePlan(supportGroups: ["SMART Recovery, Tuesdays"]) : AftercarePlan(),
            openFlagOverride: override)
    }

    /// A group session on `day` the participant attended.
    func addSession(_ id: SessionID, on day: String) throws {
        let session = try Session(
            id: id, kind: .group, date: Self.date(day), startTime: LocalTime("09:00"), durationMinutes: 90,
            facilitators: [Self.counselor], topic: "Coping skills",
            members: [SessionMember(participant: participant, attendance: Attendance(status: .present, minutesAttended: 90))],
            revision: Revision(createdAt: Self.now, createdBy: Self.counselor))
        try store.add(session, action: .sessionAdd, by: Self.counselor)
    }

    /// A check-in whose PHQ-9 item 9 raises a safety flag that nobody has acknowledged.
    func raiseSafetyFlag(on day: String = "2026-11-16") throws -> CheckInID {
        let request = CheckInRequest(participant: participant, date: Self.date(day), phq9: [1, 1, 1, 1, 1, 1, 1, 1, 2])
        return try caseload.recordCheckIn(request, by: Self.counselor).record.id
    }

    /// The participant discharged on 2026-11-20.
    func discharged() throws -> ParticipantID {
        try caseload.discharge(participant, Self.discharge(), by: Self.counselor).record.id
    }
}
