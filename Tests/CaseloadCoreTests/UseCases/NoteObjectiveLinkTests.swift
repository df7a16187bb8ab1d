import Foundation
import Testing

@testable import CaseloadCore

/// Notes linked to plan objectives: who links, which objectives, when, and the counts the Plan tab shows.
@Suite("Notes linked to plan objectives")
struct NoteObjectiveLinkTests {
    typealias World = LifecycleCaseload

    /// mgarcia's participant with objectives P1.G1.O1, P1.G1.O2 and P2.G1.O1, and an individual
    /// session on 2026-11-16 with a started DAP note.
    static func world() throws -> (World, SessionID) {
        let world = try World()
        for edit: PlanEdit in [
            .addProblem("Alcohol use"), .addGoal("Abstinence", toProblem: "P1"),
            .addObjective("Attends 3 meetings a week", target: World.date("2026-12-15"), toGoal: "P1.G1"),
            .addObjective("Names two triggers", target: World.date("2026-12-15"), toGoal: "P1.G1"),
            .addProblem("Low mood"), .addGoal("Brighter days", toProblem: "P2"),
            .addObjective("Walks daily", target: World.date("2026-12-15"), toGoal: "P2.G1"),
        ] {
            _ = try world.caseload.editPlan(world.participant, edit, by: World.counselor)
        }
        let session = try individual(world, "S-20261116-0900-aaaaaa", on: "2026-11-16")
        return (world, session)
    }

    static func individual(_ world: World, _ id: SessionID, on day: String) throws -> SessionID {
        let session = try Session(
            id: id, kind: .individual, date: World.date(day), startTime: LocalTime("09:00"), durationMinutes: 50,
            facilitators: [World.counselor], topic: nil,
            members: [SessionMember(participant: world.participant, attendance: Attendance(status: .present, minutesAttended: 50))],
            revision: Revision(createdAt: World.now, createdBy: World.counselor))
        try world.store.add(session, action: .sessionAdd, by: World.counselor)
        _ = try world.caseload.writeNote(in: id, for: world.participant, format: .dap, sections: ["data": "Talked."], by: World.counselor)
        return id
    }

    static func links(_ world: World, _ session: SessionID) throws -> [String] {
        try world.store.session(session).member(world.participant)?.note?.objectives ?? []
    }

    @Test("Links are kept in plan order without repeats, and an empty list unlinks")
    func linking() throws {
        let (world, session) = try Self.world()
        _ = try world.caseload.linkObjectives(
            in: session, for: world.participant, objectives: ["P2.G1.O1", "P1.G1.O1", "P2.G1.O1"], by: World.counselor)
        #expect(try Self.links(world, session) == ["P1.G1.O1", "P2.G1.O1"])
        _ = try world.caseload.linkObjectives(in: session, for: world.participant, objectives: [], by: World.counselor)
        #expect(try Self.links(world, session) == [])
    }

    static let refusals: [(String, StaffID, [String], DomainError)] = [
        ("an objective of no plan", World.counselor, ["P1.G1.O9"], .objectiveNotInPlan("P1.G1.O9", "P-0001")),
        ("a goal, not an objective", World.counselor, ["P1.G1"], .objectiveNotInPlan("P1.G1", "P-0001")),
        ("the links it has", World.counselor, [], .nothingToChange),
    ]

    @Test("refused links", arguments: refusals)
    func refused(_ label: String, actor: StaffID, objectives: [String], expected: DomainError) throws {
        let (world, session) = try Self.world()
        let error = refusal { () throws(CaseloadError) in
            try world.caseload.linkObjectives(in: session, for: world.participant, objectives: objectives, by: actor)
        }
        #expect(error == .refused(expected), "\(label)")
    }

    @Test("Only a facilitator links, and only a note that exists and is not signed")
    func whoAndWhen() throws {
        let (world, session) = try Self.world()
        let bySupervisor = refusal { () throws(CaseloadError) in
            try world.caseload.linkObjectives(in: session, for: world.participant, objectives: ["P1.G1.O1"], by: World.supervisor)
        }
        #expect(bySupervisor != nil)
        let noNote = try Session(
            id: "S-20261117-0900-bbbbbb", kind: .individual, date: World.date("2026-11-17"), startTime: LocalTime("09:00"),
            durationMinutes: 50, facilitators: [World.counselor], topic: nil,
            members: [SessionMember(participant: world.participant, attendance: Attendance(status: .present, minutesAttended: 50))],
            revision: Revision(createdAt: World.now, createdBy: World.counselor))
        try world.store.add(noNote, action: .sessionAdd, by: World.counselor)
        let withoutNote = refusal { () throws(CaseloadError) in
            try world.caseload.linkObjectives(in: noNote.id, for: world.participant, objectives: ["P1.G1.O1"], by: World.counselor)
        }
        #expect(withoutNote == .refused(.noNote(world.participant, noNote.id)))
        _ = try world.caseload.writeNote(
            in: session, for: world.participant, sections: ["assessment": "Engaged.", "plan": "Continue."],
            objectives: ["P1.G1.O2"], by: World.counselor)
        _ = try world.caseload.signNote(in: session, for: world.participant, by: World.counselor)
        let signed = refusal { () throws(CaseloadError) in
            try world.caseload.linkObjectives(in: session, for: world.participant, objectives: ["P1.G1.O1"], by: World.counselor)
        }
        #expect(signed == .refused(.noteIsSigned))
        #expect(try Self.links(world, session) == ["P1.G1.O2"])
    }

    @Test("Writing a note sets its links with its text; without objectives it leaves them")
    func writingWithLinks() throws {
        let (world, session) = try Self.world()
        _ = try world.caseload.writeNote(
            in: session, for: world.participant, sections: ["data": "Talked more."], objectives: ["P1.G1.O2"], by: World.counselor)
        #expect(try Self.links(world, session) == ["P1.G1.O2"])
        _ = try world.caseload.writeNote(in: session, for: world.participant, sections: ["data": "Talked again."], by: World.counselor)
        #expect(try Self.links(world, session) == ["P1.G1.O2"])
        let error = refusal { () throws(CaseloadError) in
            try world.caseload.writeNote(
                in: session, for: world.participant, sections: ["data": "Other words."], objectives: ["P3.G1.O1"], by: World.counselor)
        }
        #expect(error == .refused(.objectiveNotInPlan("P3.G1.O1", world.participant)))
        #expect(try world.store.session(session).member(world.participant)?.note?.sections["data"] == "Talked again.")
    }

    @Test("A session of an earlier stay links to that stay's plan")
    func earlierStay() throws {
        let (world, session) = try Self.world()
        let id = try world.discharged()
        _ = try world.caseload.readmit(id, on: World.date("2026-11-22"), to: .op, reason: "Relapse", by: World.counselor)
        _ = try world.caseload.editPlan(id, .addProblem("Relapse"), by: World.counselor)
        let participant = try world.store.participant(id)
        #expect(participant.plan(on: World.date("2026-11-16"))?.objectives.count == 3)
        #expect(participant.plan(on: World.date("2026-11-21")) == nil)
        #expect(participant.plan(on: World.date("2026-11-22"))?.problems.map(\.statement) == ["Relapse"])
        _ = try world.caseload.linkObjectives(in: session, for: id, objectives: ["P2.G1.O1"], by: World.counselor)
        #expect(try Self.links(world, session) == ["P2.G1.O1"])
    }

    @Test("Each objective counts the notes that addressed it and the latest session's date, from the plan's start")
    func activity() throws {
        let (world, first) = try Self.world()
        let second = try Self.individual(world, "S-20261118-0900-cccccc", on: "2026-11-18")
        _ = try world.caseload.linkObjectives(in: first, for: world.participant, objectives: ["P1.G1.O1", "P2.G1.O1"], by: World.counselor)
        _ = try world.caseload.linkObjectives(in: second, for: world.participant, objectives: ["P1.G1.O1"], by: World.counselor)
        let plan = try world.store.participant(world.participant).treatmentPlan
        let sessions = [try world.store.session(second), try world.store.session(first)]
        #expect(plan.noteActivity(of: world.participant, in: sessions) == [
            "P1.G1.O1": ObjectiveNotes(count: 2, lastOn: World.date("2026-11-18")),
            "P2.G1.O1": ObjectiveNotes(count: 1, lastOn: World.date("2026-11-16")),
        ])
        var later = plan
        later.startedOn = World.date("2026-11-17")
        #expect(later.noteActivity(of: world.participant, in: sessions) == [
            "P1.G1.O1": ObjectiveNotes(count: 1, lastOn: World.date("2026-11-18")),
        ])
        #expect(plan.noteActivity(of: "P-0002", in: sessions).isEmpty)
    }

    @Test("A note's draft keeps the links chosen in the editor; no other draft takes them")
    func drafts() throws {
        let (world, session) = try Self.world()
        _ = try world.caseload.saveDraft(
            in: session, target: .note(world.participant), text: .sections(.dap, ["data": "Typing"]), objectives: ["P9"],
            startedFrom: .nothing, by: World.counselor)
        #expect(try world.caseload.draft(in: session, target: .note(world.participant), of: World.counselor)?.objectives == ["P9"])
        _ = try world.caseload.writeNote(in: session, for: world.participant, sections: ["assessment": "Engaged.", "plan": "Continue."], by: World.counselor)
        _ = try world.caseload.signNote(in: session, for: world.participant, by: World.counselor)
        let error = refusal { () throws(CaseloadError) in
            try world.caseload.saveDraft(
                in: session, target: .addendum(world.participant), text: .text("Also"), objectives: ["P1.G1.O1"],
                startedFrom: .nothing, by: World.counselor)
        }
        #expect(error == .refused(.draftDoesNotFit(.addendum(world.participant))))
    }

    @Test("Files without links, reviews or the review interval read as before, and empty ones are not written")
    func olderFiles() throws {
        let note = Note(format: .dap, author: "mgarcia", at: World.now)
        let encoded = String(decoding: try RecordCoding.makeEncoder().encode(note), as: UTF8.self)
        #expect(!encoded.contains("objectives"))
        let plan = TreatmentPlan(startedOn: World.date("2026-11-02"))
        let planText = String(decoding: try RecordCoding.makeEncoder().encode(plan), as: UTF8.self)
        #expect(!planText.contains("reviews"))
        #expect(try RecordCoding.makeDecoder().decode(TreatmentPlan.self, from: Data(planText.utf8)).reviews == [])
        var linked = note
        linked.objectives = ["P1.G1.O1"]
        let linkedData = try RecordCoding.makeEncoder().encode(linked)
        #expect(try RecordCoding.makeDecoder().decode(Note.self, from: linkedData) == linked)
        let settings = """
            {"checkInCadenceDays": 7, "name": "Riverside", "noteDueHours": 24, "requiredWeeklyHours": [],
             "revision": {"createdAt": "2026-11-02T15:00:00Z", "createdBy": "admin", "number": 1,
                          "updatedAt": "2026-11-02T15:00:00Z", "updatedBy": "admin"},
             "timeZoneIdentifier": "America/Chicago", "topics": ["Coping skills"]}
            """
        #expect(try RecordCoding.makeDecoder().decode(ProgramSettings.self, from: Data(settings.utf8)).planReviewDays == 30)
    }
}
