import Foundation
import Testing

@testable import CaseloadCore

/// The default demo has to show the console's features on its first run, judged by the same
/// rules the console uses.
@Suite("Demo caseload: the clinical picture")
struct DemoStoryTests {
    let run = DemoRun.standard

    @Test("Exactly one open safety flag, recent, and assessed ones with an action")
    func safetyFlags() {
        let open = run.checkIns.filter(\.hasOpenSafetyFlag)
        #expect(open.count == 1)
        #expect(run.summary.openSafetyFlags == 1)
        #expect(open.first.map { $0.date >= run.options.today.adding(days: -7) } == true)
        let assessed = run.checkIns.compactMap(\.safetyFlag?.assessment)
        #expect(assessed.count >= 2)
        #expect(assessed.allSatisfy { !$0.actions.isEmpty && $0.riskLevel != .high })
        #expect(run.checkIns.allSatisfy { ($0.phq9?.items[8] ?? 0 >= 1) == ($0.safetyFlag != nil) })
    }

    @Test("Names use accents and non-Latin scripts")
    func names() {
        let names = run.participants.map { "\($0.firstName) \($0.lastName)" }
        let accentedLatin = names.filter { name in
            name.unicodeScalars.contains { $0.value > 0x7F && $0.value < 0x250 }
        }
        let otherScripts = names.filter { name in
            name.unicodeScalars.contains { (0x370...0x3FF).contains($0.value) || $0.value >= 0x3040 }
        }
        #expect(accentedLatin.count >= 5)
        #expect(otherScripts.count >= 3)
        #expect(Set(names).count == names.count)
    }

    @Test("Symptom scores improve for some participants and worsen for others")
    func trajectories() {
        let byParticipant = Dictionary(grouping: run.checkIns, by: \.participant)
        let trends = run.participants.compactMap { participant in
            ScoreChange.sinceAdmission(.phq9, in: byParticipant[participant.id] ?? [], admission: participant.admissionDate)?.trend
        }
        #expect(trends.filter { $0 == .improving }.count >= 5)
        #expect(trends.contains(.worsening))
        #expect(trends.contains(.steady))
        #expect(run.checkIns.contains { $0.substanceUse?.used == true })
        #expect(run.checkIns.contains { $0.drugScreen?.result == .positive })
    }

    @Test("Some notes are overdue, some are fresh drafts, most are signed")
    func noteDeadlines() {
        let overdue = NoteDeadline.overdue(in: run.sessions, settings: run.program, now: run.cutoff)
        let notes = run.sessions.flatMap(\.members).compactMap(\.note)
        #expect((3...80).contains(overdue.count))
        #expect(overdue.allSatisfy { $0.sessionDate >= run.options.today.adding(days: -7) })
        #expect(notes.filter(\.isSigned).count * 10 > notes.count * 9)
        #expect(notes.contains { $0.coSignature != nil })
        #expect(notes.contains { !$0.addenda.isEmpty })
        #expect(Set(notes.map(\.format)) == [.dap, .soap, .birp])
    }

    @Test("Most PHP and IOP weeks meet the required hours; a few fall short")
    func weeklyHours() {
        let thisWeek = run.options.today.isoWeek
        var met = 0
        var short = 0
        for participant in run.participants {
            let weeks = Set(run.sessions.filter { $0.member(participant.id) != nil }.map(\.date.isoWeek))
            for week in weeks where week != thisWeek {
                // Only whole weeks in care count: admitted by Monday, still there on Friday.
                let monday = week.monday
                guard participant.admissionDate <= monday,
                    participant.discharge.map({ $0.date > monday.adding(days: 4) }) ?? true,
                    [.php, .iop].contains(participant.levelOfCare(on: monday))
                else { continue }
                let hours = ServiceHours.week(
                    week, of: participant.id, care: participant.careTimeline, sessions: run.sessions, settings: run.program)
                if hours.meetsRequirement { met += 1 } else { short += 1 }
            }
        }
        #expect(short > 0)
        #expect(met > 3 * short)
    }

    @Test("The caseload spans every level of care, discharge type mix and consent state")
    func caseloadMix() {
        let active = run.participants.filter { $0.status != .discharged }
        #expect(Set(active.map { $0.levelOfCare(on: run.options.today) }) == Set(LevelOfCare.allCases))
        #expect((25...55).contains(active.count))
        let discharges = run.participants.compactMap(\.discharge)
        #expect(Set(discharges.map(\.type)).count >= 4)
        #expect(discharges.contains { !$0.aftercare.supportGroups.isEmpty && !$0.aftercare.followUps.isEmpty })
        #expect(run.participants.contains { $0.levelOfCareHistory.count >= 3 })
        let today = run.options.today
        let consents = run.participants.flatMap(\.supportMembers).compactMap(\.consent)
        #expect(consents.contains { $0.isCurrent(on: today) })
        #expect(consents.contains { $0.revokedOn != nil })
        #expect(consents.contains { $0.revokedOn == nil && !$0.isCurrent(on: today) })
        #expect(Set(run.participants.map(\.track)) == Set(Track.allCases))
        #expect(run.participants.contains { $0.treatmentPlan.isReviewOverdue(on: today) && $0.status != .discharged })
    }
}
