import Foundation
import Testing

@testable import CaseloadCore

/// Every record must be one the domain itself would have built and the store can read back.
@Suite("Demo caseload: every record is valid")
struct DemoValidityTests {
    let run = DemoRun.standard

    @Test("Records survive a JSON round trip, which re-runs the decoders' validation")
    func roundTrip() throws {
        let decoder = JSONDecoder()
        for (record, data) in zip(run.records, try run.encoded()) {
            let decoded: DemoRecord = switch record {
            case .program: .program(try decoder.decode(ProgramSettings.self, from: data))
            case .staff: .staff(try decoder.decode(Staff.self, from: data))
            case .participant: .participant(try decoder.decode(Participant.self, from: data))
            case .session: .session(try decoder.decode(Session.self, from: data))
            case .checkIn: .checkIn(try decoder.decode(CheckIn.self, from: data))
            }
            #expect(decoded == record)
        }
    }

    @Test("Sessions pass the domain's own checks when rebuilt")
    func sessions() throws {
        for session in run.sessions {
            _ = try Session(
                id: session.id, kind: session.kind, date: session.date, startTime: session.startTime,
                durationMinutes: session.durationMinutes, facilitators: session.facilitators,
                topic: session.topic, members: session.members, revision: session.revision)
            if session.kind == .group {
                #expect(run.program.topics.contains(session.topic ?? ""))
                #expect(session.members.count <= DemoTimetable.largestGroup)
            } else {
                #expect(session.sharedNarrative == nil)
            }
            #expect((45...180).contains(session.durationMinutes))
        }
    }

    @Test("Notes: signed ones have text and the narrative they were signed with; co-signers supervise")
    func notes() throws {
        let supervisors = Set(run.staff.filter { $0.role == .supervisor }.map(\.id))
        let timeZone = run.program.timeZone
        for session in run.sessions {
            for member in session.members {
                guard let note = member.note else { continue }
                #expect(note.author == session.facilitators[0])
                #expect(note.lastEditedAt > session.endsAt(in: timeZone))
                #expect(note.lastEditedAt < run.cutoff)
                guard let signature = note.signature else {
                    #expect(note.status == .draft && note.coSignature == nil && note.addenda.isEmpty)
                    continue
                }
                #expect(note.orderedSections.allSatisfy { !$0.text.isEmpty })
                #expect(signature.at >= note.lastEditedAt && signature.at < run.cutoff)
                // An absent member's note records the absence, not the group's work.
                #expect(note.signedSharedNarrative == (member.attendance.status.attended ? session.sharedNarrative : nil))
                if let coSignature = note.coSignature {
                    #expect(supervisors.contains(coSignature.by) && coSignature.by != signature.by)
                    #expect(coSignature.at > signature.at && coSignature.at < run.cutoff)
                }
                #expect(note.addenda.allSatisfy { $0.at > signature.at && $0.at < run.cutoff })
            }
        }
    }

    @Test("Check-ins rebuild to the same record, safety flag included")
    func checkIns() throws {
        for checkIn in run.checkIns {
            var rebuilt = try CheckIn(
                id: checkIn.id, participant: checkIn.participant, date: checkIn.date,
                recordedBy: checkIn.recordedBy, phq9: checkIn.phq9?.items, gad7: checkIn.gad7?.items,
                craving: checkIn.craving, substanceUse: checkIn.substanceUse,
                drugScreen: checkIn.drugScreen, comment: checkIn.comment,
                revision: Revision(createdAt: checkIn.revision.createdAt, createdBy: checkIn.revision.createdBy))
            rebuilt.revision = checkIn.revision
            rebuilt.safetyFlag?.assessment = checkIn.safetyFlag?.assessment
            #expect(rebuilt == checkIn)
            #expect(checkIn.substanceUse?.used == true || checkIn.substanceUse?.details == nil)
        }
    }

    @Test("Participants: a history in order, an adult age, a plan, consents that make sense")
    func participants() {
        for participant in run.participants {
            let history = participant.levelOfCareHistory
            #expect(history[0].effective == participant.admissionDate && history[0].reason == "Admission")
            #expect(zip(history, history.dropFirst()).allSatisfy { $0.effective < $1.effective && $0.level != $1.level })
            #expect((18...70).contains(participant.age(on: participant.admissionDate)))
            #expect(!participant.diagnoses.isEmpty && participant.diagnoses.allSatisfy { $0.icd10 != nil })
            #expect((1...3).contains(participant.treatmentPlan.problems.count))
            #expect(participant.treatmentPlan.objectives.allSatisfy { $0.targetDate > participant.admissionDate })
            for consent in participant.supportMembers.compactMap(\.consent) {
                #expect(consent.signedOn >= participant.admissionDate)
                #expect(consent.expiresOn.map { $0 > consent.signedOn } ?? true)
                #expect(consent.revokedOn.map { $0 > consent.signedOn && $0 < run.options.today } ?? true)
            }
            #expect(Set(participant.supportMembers.map(\.id)).count == participant.supportMembers.count)
            if let discharge = participant.discharge {
                #expect(participant.status == .discharged)
                #expect(discharge.date > history.last!.effective && discharge.date < run.options.today)
                #expect(!discharge.summary.isEmpty && !discharge.summary.contains("{"))
            } else {
                #expect(participant.status != .discharged)
            }
            #expect(participant.revision.createdAt <= participant.revision.updatedAt)
            #expect(participant.revision.updatedAt < run.cutoff)
        }
    }

    @Test("Every text template fills completely")
    func templates() {
        let entries: [DemoNoteText.Entry] = [.individual, .family, .groupMember, .absent]
        var all = NoteFormat.allCases.flatMap(\.sections).flatMap { section in
            entries.flatMap { DemoNoteText.templates(section: section.key, entry: $0) }
        }
        all += ProgramSettings.defaultTopics.flatMap(DemoGroupNarratives.templates(for:))
        all += DischargeType.allCases.flatMap(DemoCareText.summaries)
        let problems = [DemoProblemTemplate.substance, .family]
            + Array(DemoProblemTemplate.byFocus.values)
        all += problems.flatMap { [$0.statement] + $0.goals.flatMap { [$0.statement] + $0.objectives } }
        for template in all {
            let text = template.fill { "<\($0.rawValue)>" }
            #expect(!text.isEmpty && !text.contains("{") && !text.contains("}"), "\(text)")
        }
    }

    @Test("Ids are unique and in the store's forms")
    func ids() {
        let sessionIDs = run.sessions.map(\.id.rawValue)
        let checkInIDs = run.checkIns.map(\.id.rawValue)
        #expect(Set(sessionIDs).count == sessionIDs.count)
        #expect(Set(checkInIDs).count == checkInIDs.count)
        #expect(sessionIDs.allSatisfy { $0.wholeMatch(of: /S-\d{8}-\d{4}-[a-z2-7]{6}/) != nil })
        #expect(checkInIDs.allSatisfy { $0.wholeMatch(of: /C-\d{8}-[a-z2-7]{6}/) != nil })
        #expect(run.participants.map(\.id.rawValue) == (1...run.participants.count).map {
            String(format: "P-%04d", $0)
        })
        for session in run.sessions {
            let time = String(format: "%02d%02d", session.startTime.hour, session.startTime.minute)
            #expect(session.id.rawValue.hasPrefix("S-\(compact(session.date))-\(time)-"))
        }
        for checkIn in run.checkIns {
            #expect(checkIn.id.rawValue.hasPrefix("C-\(compact(checkIn.date))-"))
        }
    }

    private func compact(_ date: LocalDate) -> String {
        String(format: "%04d%02d%02d", date.year, date.month, date.day)
    }
}
