extension Session {
    /// Refuses to sign `participant`'s note until it is complete: every section of its format
    /// written, and for a group the shared narrative written and the member's own note not a
    /// copy of another member's (each signed note must describe that person).
    public func checkReadyToSign(_ participant: ParticipantID) throws(DomainError) {
        let note = try existingNote(of: participant)
        guard !note.isSigned else { throw .noteIsSigned }
        let empty = note.orderedSections.filter { $0.text.trimmed.isEmpty }.map(\.section.title)
        guard empty.isEmpty else { throw .noteSectionsEmpty(note.format, empty) }
        guard kind == .group else { return }
        guard !(sharedNarrative?.trimmed.isEmpty ?? true) else { throw .groupNoteNeedsNarrative(id) }
        let own = note.comparableText
        if let twin = members.first(where: { $0.participant != participant && $0.note?.comparableText == own }) {
            throw .noteNotIndividualized(participant, sameAs: twin.participant)
        }
    }

    /// The time of day the session ends.
    var endTime: LocalTime {
        let minutes = (startTime.minutesSinceMidnight + durationMinutes) % (24 * 60)
        return LocalTime(hour: minutes / 60, minute: minutes % 60)!
    }
}

extension Note {
    /// The note's words with case and runs of whitespace set aside, so retyping a copy with
    /// different spacing or capitals still reads as a copy.
    var comparableText: String {
        orderedSections.map { section in
            section.text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }.joined(separator: "\n")
    }
}
