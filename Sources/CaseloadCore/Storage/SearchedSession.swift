/// What a note search reads of one session: every text a note holds, in the order results list
/// them, with whose note it is and where in it. Built from the `Session` aggregate as the store
/// loads it, both for the search index and for the scan that stands in when the index cannot be used,
/// so the two always search the same texts.
struct SearchedSession: Equatable, Sendable {
    /// One searchable text.
    struct Text: Equatable, Sendable {
        /// Whose note; nil for a group's shared narrative, which is part of every member's note.
        var participant: ParticipantID?
        /// Where in the note: a section title ("Assessment"), "Shared narrative" or "Addendum".
        var field: String
        var text: String
    }

    var id: SessionID
    var date: LocalDate
    /// Everyone on the session's list, so a search of one participant also finds the narratives of their groups.
    var members: [ParticipantID]
    /// The shared narrative first, then each member's sections in format order, the narrative
    /// as signed where it no longer matches the session's, and addenda; empty ones left out, as
    /// nothing is found in them.
    var texts: [Text]

    init(id: SessionID, date: LocalDate, members: [ParticipantID], texts: [Text]) {
        self.id = id
        self.date = date
        self.members = members
        self.texts = texts
    }

    init(_ session: Session) {
        id = session.id
        date = session.date
        members = session.members.map(\.participant)
        var texts: [Text] = []
        if let narrative = session.sharedNarrative { texts.append(Text(participant: nil, field: "Shared narrative", text: narrative)) }
        for member in session.members {
            guard let note = member.note else { continue }
            for section in note.format.sections {
                texts.append(Text(participant: member.participant, field: section.title, text: note.sections[section.key] ?? ""))
            }
            // The narrative as signed is searched only where it no longer matches the session's.
            if let signed = note.signedSharedNarrative, signed != session.sharedNarrative {
                texts.append(Text(participant: member.participant, field: "Shared narrative as signed", text: signed))
            }
            for addendum in note.addenda { texts.append(Text(participant: member.participant, field: "Addendum", text: addendum.text)) }
        }
        self.texts = texts.filter { !$0.text.isEmpty }
    }

    /// Whether `text` belongs to `participant`'s notes: their own, or a narrative of a group they were in.
    func text(_ text: Text, isFor participant: ParticipantID) -> Bool {
        text.participant.map { $0 == participant } ?? members.contains(participant)
    }
}
