import Foundation
import Testing

@testable import CaseloadCore

/// What `caseload check` would verify, and what a real timetable makes impossible.
@Suite("Demo caseload: references resolve")
struct DemoReferenceTests {
    let run = DemoRun.standard

    @Test("The program and staff come first, and every participant before anything naming them")
    func order() {
        guard case .program = run.records[0] else { Issue.record("program first"); return }
        var written = Set<ParticipantID>()
        for record in run.records.dropFirst() {
            switch record {
            case .program: Issue.record("a second program record")
            case .staff: #expect(written.isEmpty)
            case .participant(let participant): written.insert(participant.id)
            case .session(let session): #expect(session.members.allSatisfy { written.contains($0.participant) })
            case .checkIn(let checkIn): #expect(written.contains(checkIn.participant))
            }
        }
    }

    @Test("Staff named anywhere exist, with the role the mention needs")
    func staff() {
        let staff = Dictionary(uniqueKeysWithValues: run.staff.map { ($0.id, $0) })
        let clinicians = Set(run.staff.filter { $0.role != .admin }.map(\.id))
        #expect(run.staff.count == 6)
        #expect(run.staff.filter { $0.role == .supervisor }.count == 1)
        #expect(run.staff.filter { $0.role == .admin }.count == 1)
        for participant in run.participants {
            #expect(staff[participant.primaryCounselor]?.role == .counselor)
            #expect(participant.levelOfCareHistory.allSatisfy { clinicians.contains($0.decidedBy) })
            #expect(participant.discharge.map { clinicians.contains($0.dischargedBy) } ?? true)
        }
        for session in run.sessions {
            #expect(session.facilitators.allSatisfy { clinicians.contains($0) })
        }
        for checkIn in run.checkIns {
            #expect(staff[checkIn.recordedBy] != nil)
            #expect(checkIn.safetyFlag?.assessment.map { clinicians.contains($0.by) } ?? true)
        }
    }

    @Test("Members were admitted, not yet discharged, and at the level their group serves")
    func membership() {
        let participants = Dictionary(uniqueKeysWithValues: run.participants.map { ($0.id, $0) })
        func inCare(_ id: ParticipantID, on date: LocalDate) -> Bool {
            guard let participant = participants[id] else { return false }
            return participant.admissionDate <= date && participant.discharge.map { date < $0.date } ?? true
        }
        for session in run.sessions {
            for member in session.members {
                #expect(inCare(member.participant, on: session.date), "\(member.participant) in \(session.id)")
                let level = participants[member.participant]!.levelOfCare(on: session.date)
                if session.kind == .group {
                    let block = DemoTimetable.groups.first {
                        $0.start == session.startTime && $0.minutes == session.durationMinutes
                    }
                    #expect(block?.levels.contains(level) == true)
                }
            }
            #expect(session.date < run.options.today)
            #expect(session.date.weekday <= 5)
        }
        for checkIn in run.checkIns {
            #expect(inCare(checkIn.participant, on: checkIn.date))
            #expect(checkIn.revision.updatedAt < run.cutoff)
        }
    }

    @Test("Family sessions include only support members whose consent is current that day")
    func familyConsent() {
        let participants = Dictionary(uniqueKeysWithValues: run.participants.map { ($0.id, $0) })
        let family = run.sessions.filter { $0.kind == .family }
        #expect(!family.isEmpty)
        for session in family {
            let participant = participants[session.members[0].participant]!
            let consented = Set(participant.membersWithCurrentConsent(on: session.date).map(\.id))
            #expect(!session.supportMembersPresent.isEmpty)
            #expect(Set(session.supportMembersPresent).isSubset(of: consented))
        }
        #expect(run.sessions.filter { $0.kind != .family }.allSatisfy { $0.supportMembersPresent.isEmpty })
    }

    @Test("Nobody, staff or participant, is in two sessions at once")
    func noDoubleBooking() {
        let timeZone = run.program.timeZone
        var busy: [String: [(start: Date, end: Date)]] = [:]
        for session in run.sessions {
            let start = session.date.instant(at: session.startTime, in: timeZone)
            let slot = (start: start, end: session.endsAt(in: timeZone))
            let people = session.facilitators.map(\.rawValue) + session.members.map(\.participant.rawValue)
            for person in people {
                #expect(!(busy[person] ?? []).contains { $0.start < slot.end && slot.start < $0.end },
                        "\(person) double-booked at \(session.id)")
                busy[person, default: []].append(slot)
            }
        }
    }
}
