import Foundation
import Testing

@testable import CaseloadCore

/// The FHIR mappers, on one participant whose record has a little of everything: a readmission,
/// a step-down, a discharge of the first stay, a support member whose first consent was revoked,
/// a late group attendance with a co-signed note and an addendum, an absence, a PHQ-9 raising a
/// safety flag and a GAD-7.
@Suite("FHIR export of one participant")
struct FHIRExportTests {
    static let time = Fixture.time
    static let zone = TimeZone(identifier: "America/Chicago")!

    static var staff: [Staff] {
        [
            Fixture.counselorStaff,
            Staff(id: "lchen", displayName: "Lin Chen", credentials: "LCSW-S", role: .supervisor, revision: Fixture.revision),
            Staff(id: "jlee", displayName: "Jay Lee", credentials: "", role: .counselor, revision: Fixture.revision),
        ]
    }

    static var participant: Participant {
        var p = Fixture.participant(level: .php, admitted: "2026-06-01")
        p.preferredName = "Pepe"
        p.phone = "(312) 555-0100"
        p.diagnoses = [Diagnosis(description: "Alcohol use disorder, moderate", icd10: "F10.20"), Diagnosis(description: "Insomnia")]
        try! p.discharge(
            Discharge(
                date: Fixture.date("2026-07-31"), type: .againstAdvice, summary: "Left after three weeks.",
                aftercare: AftercarePlan(supportGroups: ["SMART Recovery"]), dischargedBy: "mgarcia"))
        try! p.readmit(on: Fixture.date("2026-10-01"), to: .php, reason: "Relapse", by: "mgarcia")
        try! p.changeLevelOfCare(to: .iop, on: Fixture.date("2026-11-02"), reason: "Stable", by: "lchen")
        p.treatmentPlan.problems = [
            Problem(
                id: "P1", statement: "Drinking daily", goals: [
                    Goal(
                        id: "P1.G1", statement: "Stay sober", objectives: [
                            Objective(id: "P1.G1.O1", statement: "Four negative screens", targetDate: Fixture.date("2026-12-01"), status: .met),
                            Objective(id: "P1.G1.O2", statement: "Attend three meetings a week", targetDate: Fixture.date("2026-12-15")),
                        ])
                ])
        ]
        var revoked = DisclosureConsent(
            recipient: "Ana Núñez", purpose: "Family involvement", categories: [.attendance],
            signedOn: Fixture.date("2026-06-01"), expiresOn: Fixture.date("2027-06-01"))
        revoked.revokedOn = Fixture.date("2026-07-01")
        var member = SupportMember(
            id: "S1", name: "Ana Núñez", relationship: "Sister", phone: "(312) 555-0199",
            consent: DisclosureConsent(
                recipient: "Ana Núñez", purpose: "Family involvement", categories: [.attendance, .sessionParticipation],
                signedOn: Fixture.date("2026-10-01"), expiresOn: Fixture.date("2027-10-01")))
        member.earlierConsents = [revoked]
        p.supportMembers = [member]
        return p
    }

    static var sessions: [Session] {
        var note = Note(format: .dap, author: "jlee", at: time, sections: ["data": "Shared a trigger.", "assessment": "Engaged."])
        note.contributors = ["jlee", "mgarcia"]
        try! note.sign(by: Fixture.counselorStaff, at: time, sharedNarrative: "Group practiced refusal skills.")
        try! note.coSign(by: staff[1], at: time.addingTimeInterval(3600))
        try! note.addAddendum("Called sister afterwards.", by: Fixture.counselorStaff, at: time.addingTimeInterval(7200))
        var group = Fixture.session(members: [Fixture.member("P-0001", .late, minutes: 150, note: note), Fixture.member("P-0002")])
        group.facilitators = ["mgarcia", "jlee"]
        let absent = Fixture.session("S-20261117-1000-bbbbbb", kind: .individual, date: "2026-11-17", start: "10:00", minutes: 50,
                                     members: [Fixture.member("P-0001", .unexcused, minutes: 0)])
        return [group, absent]
    }

    static var checkIns: [CheckIn] {
        [try! Fixture.checkIn(date: "2026-11-16", phq9: [2, 2, 1, 1, 1, 1, 1, 1, 1], gad7: [0, 0, 0, 1, 0, 0, 0])]
    }

    static func bundle(at time: Date = time) throws -> [String: Any] {
        let bundle = FHIRExport(program: Fixture.settings, staff: staff)
            .bundle(for: participant, sessions: sessions, checkIns: checkIns, at: time)
        return try #require(try JSONSerialization.jsonObject(with: bundle.encoded()) as? [String: Any])
    }

    static func resources(_ type: String, in bundle: [String: Any]) -> [[String: Any]] {
        (bundle["entry"] as! [[String: Any]]).map { $0["resource"] as! [String: Any] }.filter { $0["resourceType"] as? String == type }
    }

    /// Every `reference` anywhere in `value`.
    static func references(in value: Any) -> [String] {
        if let object = value as? [String: Any] {
            return object.flatMap { key, item in
                // A Consent actor's `reference` is itself a Reference, holding the string.
                if key == "reference", let target = item as? String { [target] } else { references(in: item) }
            }
        }
        if let array = value as? [Any] { return array.flatMap(references(in:)) }
        return []
    }

    static func code(_ concept: Any?) -> String? {
        ((concept as? [String: Any])?["coding"] as? [[String: Any]])?.first?["code"] as? String
    }

    @Test("the resource ids are name-based UUIDs, the same as any RFC 9562 library computes")
    func uuid() {
        // Python: uuid.uuid5(uuid.UUID("8C0B3F4E-5D2A-4B7C-9E61-2F0A7D3C5B19"), "Patient/P-0007")
        #expect(FHIRIdentity.uuid("Patient/P-0007") == "1480a77d-9773-5965-a739-547cedf1df95")
    }

    @Test("one of each resource the issue lists, every reference resolves inside the bundle, ids stable across exports")
    func shape() throws {
        let bundle = try Self.bundle()
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        let urls = entries.map { $0["fullUrl"] as! String }
        #expect(Set(urls).count == urls.count)
        for entry in entries {
            let resource = entry["resource"] as! [String: Any]
            #expect(entry["fullUrl"] as? String == "urn:uuid:" + (resource["id"] as! String))
        }
        for reference in Self.references(in: entries) { #expect(urls.contains(reference), "\(reference)") }
        let counts = Dictionary(grouping: entries.map { ($0["resource"] as! [String: Any])["resourceType"] as! String }, by: { $0 })
            .mapValues(\.count)
        #expect(counts == [
            "Patient": 1, "RelatedPerson": 1, "Condition": 2, "EpisodeOfCare": 2, "CarePlan": 2, "Goal": 1, "Encounter": 1,
            "DocumentReference": 1, "QuestionnaireResponse": 2, "Observation": 4, "Consent": 2, "Flag": 1, "Practitioner": 3,
            "Organization": 1,
        ])
        let later = try Self.bundle(at: Self.time.addingTimeInterval(86_400))
        #expect((later["entry"] as! [[String: Any]]).map { $0["fullUrl"] as! String } == urls)
        #expect(later["id"] as? String == bundle["id"] as? String)
        #expect(later["timestamp"] as? String != bundle["timestamp"] as? String)
    }

    @Test("a staff member whose file could not be read is named by id, so no reference leaves the bundle")
    func unreadableStaff() throws {
        let bundle = FHIRExport(program: Fixture.settings, staff: Self.staff.filter { $0.id != "jlee" })
            .bundle(for: Self.participant, sessions: Self.sessions, checkIns: Self.checkIns, at: Self.time)
        let json = try #require(try JSONSerialization.jsonObject(with: bundle.encoded()) as? [String: Any])
        let urls = (json["entry"] as! [[String: Any]]).map { $0["fullUrl"] as! String }
        for reference in Self.references(in: json) { #expect(urls.contains(reference)) }
        #expect(Self.resources("Practitioner", in: json).count == 2)
        let author = try #require((Self.resources("DocumentReference", in: json).first?["author"] as? [[String: Any]])?.first)
        #expect(author["reference"] == nil)
        #expect(author["identifier"] as? [String: String] == ["system": "urn:caseload:staff", "value": "jlee"])
    }

    @Test("the patient has their official and preferred names, birth date and phone; the support member is a related person")
    func people() throws {
        let bundle = try Self.bundle()
        let patient = try #require(Self.resources("Patient", in: bundle).first)
        let names = try #require(patient["name"] as? [[String: Any]])
        #expect(names.map { $0["use"] as? String } == ["official", "usual"])
        #expect(names.map { $0["given"] as? [String] } == [["José"], ["Pepe"]])
        #expect(patient["birthDate"] as? String == "1990-05-17")
        #expect(patient["active"] as? Bool == true)
        let conditions = Self.resources("Condition", in: bundle)
        #expect(conditions.map { Self.code($0["code"]) } == ["F10.20", nil])
        let related = try #require(Self.resources("RelatedPerson", in: bundle).first)
        #expect((related["relationship"] as? [[String: Any]])?.first?["text"] as? String == "Sister")
    }

    @Test("each stay is an episode with its level-of-care history; the first ended in a discharge with its aftercare")
    func stays() throws {
        let episodes = Self.resources("EpisodeOfCare", in: try Self.bundle())
        #expect(episodes.map { $0["status"] as? String } == ["finished", "active"])
        #expect(episodes.map { ($0["period"] as? [String: String]) } == [
            ["start": "2026-06-01", "end": "2026-07-31"], ["start": "2026-10-01"],
        ])
        #expect(episodes.map { Self.code(($0["type"] as? [Any])?.first) } == ["php", "iop"])
        let current = try #require(episodes[1]["extension"] as? [[String: Any]])
        let levels = current.map { level in
            let parts = level["extension"] as! [[String: Any]]
            return (Self.code(["coding": [parts[0]["valueCoding"]!]]), parts[1]["valuePeriod"] as? [String: String])
        }
        #expect(levels.map(\.0) == ["php", "iop"])
        #expect(levels.map(\.1) == [["start": "2026-10-01", "end": "2026-11-01"], ["start": "2026-11-02"]])
        let discharge = try #require((episodes[0]["extension"] as? [[String: Any]])?.last)
        #expect(discharge["url"] as? String == "urn:caseload:extension:discharge")
        let parts = try #require(discharge["extension"] as? [[String: Any]])
        #expect(parts.map { $0["url"] as! String } == ["type", "date", "summary", "dischargedBy", "supportGroup"])
        #expect((parts[0]["valueCoding"] as? [String: Any])?["code"] as? String == "against-advice")
    }

    @Test("an attended session is an encounter with its kind, times, minutes and attendance; an absence is none")
    func encounters() throws {
        let encounter = try #require(Self.resources("Encounter", in: try Self.bundle()).first)
        #expect(Self.code((encounter["type"] as? [Any])?.first) == "group")
        #expect(encounter["period"] as? [String: String] == ["start": "2026-11-18T09:00:00-06:00", "end": "2026-11-18T12:00:00-06:00"])
        #expect((encounter["length"] as? [String: Any])?["value"] as? Int == 150)
        let attendance = try #require((encounter["extension"] as? [[String: Any]])?.first?["valueCoding"] as? [String: Any])
        #expect(attendance["code"] as? String == "late")
        let people = try #require(encounter["participant"] as? [[String: Any]])
        #expect(people.map { Self.code(($0["type"] as? [Any])?.first) } == ["PPRF", "SPRF"])
    }

    @Test("a signed note is a document with its authors, its signer as authenticator and its co-signer, and its text")
    func notes() throws {
        let document = try #require(Self.resources("DocumentReference", in: try Self.bundle()).first)
        #expect((document["author"] as? [[String: Any]])?.map { $0["display"] as? String } == ["Jay Lee", "Maria Garcia, LCSW"])
        #expect((document["authenticator"] as? [String: Any])?["display"] as? String == "Maria Garcia, LCSW")
        #expect(document["docStatus"] as? String == "amended")
        let cosignature = try #require((document["extension"] as? [[String: Any]])?.first)
        #expect(cosignature["url"] as? String == "urn:caseload:extension:co-signature")
        let by = (cosignature["extension"] as? [[String: Any]])?.first?["valueReference"] as? [String: Any]
        #expect(by?["display"] as? String == "Lin Chen, LCSW-S")
        let attachment = try #require(((document["content"] as? [[String: Any]])?.first?["attachment"]) as? [String: Any])
        let text = String(decoding: try #require(Data(base64Encoded: attachment["data"] as! String)), as: UTF8.self)
        #expect(text == """
            Group narrative
            Group practiced refusal skills.

            Data
            Shared a trigger.

            Assessment
            Engaged.

            Addendum, 2026-11-18T07:06:40-06:00, Maria Garcia, LCSW
            Called sister afterwards.

            """)
    }

    @Test("a check-in's PHQ-9 and GAD-7: answers, the LOINC panel with its items, the total with the band, the open flag")
    func checkIns() throws {
        let bundle = try Self.bundle()
        let responses = Self.resources("QuestionnaireResponse", in: bundle)
        #expect(responses.map { $0["questionnaire"] as? String } == ["http://loinc.org/q/44249-1", "http://loinc.org/q/69737-5"])
        let items = try #require(responses[0]["item"] as? [[String: Any]])
        #expect(items.map { $0["linkId"] as! String } == [
            "44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5", "44253-3", "44260-8", "44261-6",
        ])
        let first = (items[0]["answer"] as? [[String: Any]])?.first?["valueCoding"] as? [String: Any]
        #expect(first?["code"] as? String == "LA6570-1")
        #expect((items[9]["answer"] as? [[String: Any]])?.first?["valueInteger"] as? Int == 11)
        let observations = Self.resources("Observation", in: bundle)
        #expect(observations.map { Self.code($0["code"]) } == ["44249-1", "44261-6", "69737-5", "70274-6"])
        #expect(observations.map { $0["valueInteger"] as? Int } == [nil, 11, nil, 1])
        #expect(observations.map { ($0["interpretation"] as? [[String: Any]])?.first?["text"] as? String } == [nil, "Moderate", nil, "Minimal"])
        #expect((observations[0]["component"] as? [Any])?.count == 9)
        let flag = try #require(Self.resources("Flag", in: bundle).first)
        #expect(flag["status"] as? String == "active")
        let detail = (flag["extension"] as? [[String: Any]])?.first?["valueReference"] as? [String: Any]
        #expect(detail?["reference"] as? String == "urn:uuid:" + (observations[0]["id"] as! String))
    }

    @Test("every version of a consent: recipient, purpose, categories and period; a revoked or expired one inactive")
    func consents() throws {
        let consents = Self.resources("Consent", in: try Self.bundle())
        #expect(consents.map { $0["status"] as? String } == ["inactive", "active"])
        #expect((consents[0]["extension"] as? [[String: Any]])?.first?["valueDate"] as? String == "2026-07-01")
        let provision = try #require(consents[1]["provision"] as? [String: Any])
        #expect(provision["period"] as? [String: String] == ["start": "2026-10-01", "end": "2027-10-01"])
        #expect(((provision["actor"] as? [[String: Any]])?.first?["reference"] as? [String: Any])?["display"] as? String == "Ana Núñez")
        #expect((provision["purpose"] as? [[String: Any]])?.first?["display"] as? String == "Family involvement")
        #expect((provision["code"] as? [Any])?.map { Self.code($0) } == ["attendance", "session-participation"])
        #expect(Self.code(consents[1]["policyRule"]) == "42CFRPart2")
        let afterExpiry = Self.resources("Consent", in: try Self.bundle(at: Self.time.addingTimeInterval(400 * 86_400)))
        #expect(afterExpiry.map { $0["status"] as? String } == ["inactive", "inactive"])
    }

    @Test("the plan: a care plan per stay, a goal per plan goal with its objectives as targets and activities")
    func plan() throws {
        let bundle = try Self.bundle()
        let plans = Self.resources("CarePlan", in: bundle)
        #expect(plans.map { $0["status"] as? String } == ["completed", "active"])
        let activities = try #require(plans[1]["activity"] as? [[String: Any]])
        #expect(activities.map { ($0["detail"] as? [String: Any])?["status"] as? String } == ["completed", "not-started"])
        let goal = try #require(Self.resources("Goal", in: bundle).first)
        #expect(goal["lifecycleStatus"] as? String == "active")
        #expect(Self.code(goal["achievementStatus"]) == "in-progress")
        #expect((goal["target"] as? [[String: Any]])?.map { $0["dueDate"] as? String } == ["2026-12-01", "2026-12-15"])
    }
}
