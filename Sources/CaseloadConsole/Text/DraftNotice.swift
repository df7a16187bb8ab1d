import CaseloadCore

/// What the console says on start about drafts kept from before (a closed terminal, a dropped
/// connection, or an editor simply left): whose they are and where to find them.
enum DraftNotice {
    static func text(_ drafts: [Draft], names: (ParticipantID) -> String) -> StatusMessage? {
        guard !drafts.isEmpty else { return nil }
        let subjects = drafts.sorted { $0.savedAt > $1.savedAt }.map { draft -> String in
            switch draft.target {
            case .note(let participant): names(participant)
            case .addendum(let participant): "an addendum for \(names(participant))"
            case .narrative: "a group's shared narrative"
            }
        }
        let listed = subjects.count <= 2 ? subjects.joined(separator: " and ")
            : subjects.prefix(2).joined(separator: ", ") + " and \(subjects.count - 2) more"
        return .info("Draft restored for \(listed); Enter on the note in Today's Notes to write opens it")
    }
}
