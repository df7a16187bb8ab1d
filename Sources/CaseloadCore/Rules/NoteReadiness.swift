extension Session {
    /// Refuses to sign `participant`'s note until it is complete: every section of its format
    /// written, and for a group the shared narrative written and the member's own note neither a
    /// copy of another member's nor a repeat of the narrative (each signed note must describe
    /// that person).
    public func checkReadyToSign(_ participant: ParticipantID) throws(DomainError) {
        let note = try existingNote(of: participant)
        guard !note.isSigned else { throw .noteIsSigned }
        let empty = note.orderedSections.filter { !$0.text.hasVisibleText }.map(\.section.title)
        guard empty.isEmpty else { throw .noteSectionsEmpty(note.format, empty) }
        guard kind == .group else { return }
        guard let narrative = sharedNarrative, narrative.hasVisibleText else { throw .groupNoteNeedsNarrative(id) }
        let shared = narrative.comparableText
        if let repeated = note.orderedSections.first(where: { $0.text.comparableText == shared }) {
            throw .noteRepeatsNarrative(participant, section: repeated.section.title)
        }
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
    /// The note's sections as `String.comparableText`, in the format's order.
    var comparableText: String {
        orderedSections.map(\.text.comparableText).joined(separator: "\n")
    }
}

extension String {
    /// The words alone, lowercased: case, punctuation, symbols and runs of whitespace or invisible
    /// characters set aside, so retyping a copy with other spacing, capitals or stops still reads
    /// as a copy.
    var comparableText: String {
        lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: " ")
    }
}
