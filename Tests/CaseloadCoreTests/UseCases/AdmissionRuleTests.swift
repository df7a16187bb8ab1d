import Testing

@testable import CaseloadCore

@Suite("Admitting and editing a participant")
struct AdmissionRuleTests {
    typealias Case = (String, AdmissionRequest, DomainError?)

    static let admissions: [Case] = [
        ("admitted in the past", LifecycleCaseload.admission(), nil),
        ("admitted today", LifecycleCaseload.admission(admitted: "2026-11-23"), nil),
        ("a supervisor as primary counselor", LifecycleCaseload.admission(counselor: "lchen"), nil),
        ("admitted tomorrow", LifecycleCaseload.admission(admitted: "2026-11-24"),
         .dateInFuture(.admission, LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
        ("born tomorrow", LifecycleCaseload.admission(born: "2026-11-24"),
         .birthDateInFuture(LifecycleCaseload.date("2026-11-24"), today: LifecycleCaseload.today)),
        ("born on the admission day", LifecycleCaseload.admission(born: "2026-11-02"),
         .birthDateNotBeforeAdmission(LifecycleCaseload.date("2026-11-02"), admission: LifecycleCaseload.date("2026-11-02"))),
        ("born after admission", LifecycleCaseload.admission(born: "2026-11-10"),
         .birthDateNotBeforeAdmission(LifecycleCaseload.date("2026-11-10"), admission: LifecycleCaseload.date("2026-11-02"))),
        ("no first name", LifecycleCaseload.admission(first: "  "), .emptyField("The first name")),
        ("120 at admission", LifecycleCaseload.admission(born: "1905-11-03"), nil),
        ("over 120 at admission", LifecycleCaseload.admission(born: "1905-11-02"),
         .birthDateImplausible(LifecycleCaseload.date("1905-11-02"), admission: LifecycleCaseload.date("2026-11-02"))),
        ("a diagnosis with a code", diagnosed(Diagnosis(description: "Alcohol use disorder", icd10: "f10.20")), nil),
        ("a diagnosis with a three-character code", diagnosed(Diagnosis(description: "Depression", icd10: "F32")), nil),
        ("a diagnosis with no description", diagnosed(Diagnosis(description: " ", icd10: "F10.20")), .emptyField("The diagnosis")),
        ("a code that is not ICD-10-CM", diagnosed(Diagnosis(description: "Alcohol use disorder", icd10: "alcohol")), .invalidICD10Code),
        ("a code with too many characters", diagnosed(Diagnosis(description: "Alcohol use disorder", icd10: "F10.20111")),
         .invalidICD10Code),
        ("a code starting with a digit", diagnosed(Diagnosis(description: "Alcohol use disorder", icd10: "310.20")), .invalidICD10Code),
        ("no last name", LifecycleCaseload.admission(last: ""), .emptyField("The last name")),
        ("an administrator as primary counselor", LifecycleCaseload.admission(counselor: "admin"),
         .notACounselor("admin", because: .role(.admin))),
        ("a deactivated counselor", LifecycleCaseload.admission(counselor: "jlee"), .notACounselor("jlee", because: .inactive)),
        ("a counselor not on the staff list", LifecycleCaseload.admission(counselor: "nobody"), .unknownCounselor("nobody")),
    ]

    static func diagnosed(_ diagnosis: Diagnosis) -> AdmissionRequest {
        var request = LifecycleCaseload.admission()
        request.diagnoses = [diagnosis]
        return request
    }

    @Test("admission rules", arguments: admissions)
    func admission(_ label: String, request: AdmissionRequest, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in _ = try world.caseload.admit(request, by: LifecycleCaseload.counselor) }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("refusals name the rule and what to do")
    func admissionMessages() {
        #expect(DomainError.birthDateNotBeforeAdmission(LifecycleCaseload.date("2026-11-10"), admission: LifecycleCaseload.date("2026-11-02")).description
            == "The date of birth (2026-11-10) must come before the admission date (2026-11-02); check both dates.")
        #expect(DomainError.notACounselor("admin", because: .role(.admin)).description
            == "Only an active counselor or supervisor can be a primary counselor; admin is an administrator.")
        #expect(DomainError.notACounselor("jlee", because: .inactive).description
            == "Only an active counselor or supervisor can be a primary counselor; jlee is no longer active.")
    }

    @Test("the admitting counselor is primary counselor unless another is named")
    func defaultCounselor() throws {
        let world = try LifecycleCaseload()
        let admitted = try world.caseload.admit(LifecycleCaseload.admission(), by: LifecycleCaseload.supervisor).record
        #expect(admitted.primaryCounselor == LifecycleCaseload.supervisor)
        #expect(admitted.id == "P-0002")
    }

    static let edits: [(String, ParticipantChange, DomainError?)] = [
        ("on hold", ParticipantChange(status: .onHold), nil),
        ("nothing to change", ParticipantChange(), .nothingToChange),
        ("a diagnosis with a malformed code", ParticipantChange(addDiagnoses: [Diagnosis(description: "Anxiety", icd10: "F4")]),
         .invalidICD10Code),
        ("discharged by edit", ParticipantChange(status: .discharged), .dischargeHasItsOwnCommand),
        ("an empty first name", ParticipantChange(firstName: " "), .emptyField("The first name")),
        ("an administrator as counselor", ParticipantChange(primaryCounselor: "admin"), .notACounselor("admin", because: .role(.admin))),
        ("a support member without a relationship",
         ParticipantChange(addSupportMembers: [NewSupportMember(name: "Luis", relationship: "")]),
         .emptyField("The support member's relationship")),
    ]

    @Test("edit rules", arguments: edits)
    func edit(_ label: String, change: ParticipantChange, expected: DomainError?) throws {
        let world = try LifecycleCaseload()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editParticipant(world.participant, change, by: LifecycleCaseload.counselor)
        }
        #expect(error == expected.map(CaseloadError.refused), "\(label)")
    }

    @Test("support members get the next free id, S1, S2…, with no consent until one is recorded")
    func supportMemberIDs() throws {
        let world = try LifecycleCaseload()
        let change = ParticipantChange(addSupportMembers: [
            NewSupportMember(name: "Luis", relationship: "father", phone: "555-0101"),
            NewSupportMember(name: "Rosa", relationship: "mother"),
        ])
        let saved = try world.caseload.editParticipant(world.participant, change, by: LifecycleCaseload.counselor).record
        #expect(saved.supportMembers.map(\.id) == ["S1", "S2", "S3"])
        #expect(saved.supportMembers[1].consent == nil)
        #expect(saved.supportMembers[1].phone == "555-0101")
    }

    @Test("the name order is set on admission and changed by an edit")
    func nameOrder() throws {
        let world = try LifecycleCaseload()
        var request = LifecycleCaseload.admission(first: "雪梅", last: "李")
        request.nameOrder = .familyFirst
        let admitted = try world.caseload.admit(request, by: LifecycleCaseload.counselor).record
        #expect(admitted.displayName == "李 雪梅")
        #expect(try world.caseload.store.participant(admitted.id).nameOrder == .familyFirst)
        let edited = try world.caseload.editParticipant(
            admitted.id, ParticipantChange(nameOrder: .givenFirst), by: LifecycleCaseload.counselor).record
        #expect(edited.displayName == "雪梅 李")
        #expect(try world.caseload.store.rosterIndexWithDamage().entries.first { $0.id == admitted.id }?.nameOrder == .givenFirst)
    }

    @Test("a discharged participant's status cannot be edited")
    func dischargedStatus() throws {
        let world = try LifecycleCaseload()
        let id = try world.discharged()
        let error = refusal { () throws(CaseloadError) in
            _ = try world.caseload.editParticipant(id, ParticipantChange(status: .active), by: LifecycleCaseload.counselor)
        }
        #expect(error == .refused(.participantDischarged(id)))
    }
}
