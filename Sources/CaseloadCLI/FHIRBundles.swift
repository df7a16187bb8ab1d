import CaseloadCore
import Foundation

/// The FHIR bundles `export --format fhir` writes: one per participant, or one participant's.
struct FHIRBundles {
    let bundles: [FHIRBundle]
    let damaged: [RecordDamage]

    static func load(from store: CaseloadStore, participant: ParticipantID?) throws -> FHIRBundles {
        let staff = store.staff()
        let export = FHIRExport(program: try store.program(), staff: staff.records)
        let now = store.clock.now()
        if let participant {
            let record = try store.participant(participant)
            // Only the weeks of their stays are read.
            let first = record.previousEpisodes.first?.admissionDate ?? record.admissionDate
            let today = store.clock.today(in: try store.program().timeZone)
            let sessions = store.sessions(from: first, through: today)
            let checkIns = store.checkIns(of: participant)
            return FHIRBundles(
                bundles: [
                    export.bundle(
                        for: record, sessions: sessions.records.filter { $0.member(participant) != nil },
                        checkIns: checkIns.records, at: now)
                ],
                damaged: staff.damaged + sessions.damaged + checkIns.damaged)
        }
        let participants = store.participants()
        let sessions = store.allSessions()
        let checkIns = store.allCheckIns()
        var sessionsByParticipant: [ParticipantID: [Session]] = [:]
        for session in sessions.records {
            for member in session.members { sessionsByParticipant[member.participant, default: []].append(session) }
        }
        let checkInsByParticipant = Dictionary(grouping: checkIns.records, by: \.participant)
        return FHIRBundles(
            bundles: participants.records.sorted { $0.id < $1.id }.map {
                export.bundle(
                    for: $0, sessions: sessionsByParticipant[$0.id] ?? [], checkIns: checkInsByParticipant[$0.id] ?? [], at: now)
            },
            damaged: staff.damaged + participants.damaged + sessions.damaged + checkIns.damaged)
    }

    /// "P-0007.json".
    static func fileName(_ bundle: FHIRBundle) -> String { "\(bundle.participant).json" }
}
