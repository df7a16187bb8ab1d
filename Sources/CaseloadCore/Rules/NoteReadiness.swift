import Foundation

extension Session {
    /// Refuses to sign `participant`'s note until it is complete: every section of its format
    /// written, and for a group the shared narrative written (for a member who attended: an absent
    /// member's note records the absence, not the group's work) and the member's own note neither
    /// a copy of another member's nor a repeat of the narrative (each signed note must describe
    /// that person).
    public func checkReadyToSign(_ participant: ParticipantID) throws(DomainError) {
        let note = try existingNote(of: participant)
        guard !note.isSigned else { throw .noteIsSigned }
        let empty = note.orderedSections.filter { !$0.text.hasVisibleText }.map(\.section.title)
        guard empty.isEmpty else { throw .noteSectionsEmpty(note.format, empty) }
        guard kind == .group else { return }
        if takesNarrative(participant) {
            guard let narrative = sharedNarrative, narrative.hasVisibleText else { throw .groupNoteNeedsNarrative(id) }
            if let repeated = note.orderedSections.first(where: { $0.text.repeats(narrative) }) {
                throw .noteRepeatsNarrative(participant, section: repeated.section.title)
            }
        }
        if let twin = members.first(where: { member in
            member.participant != participant && member.note.map { note.copies($0) } ?? false
        }) {
            throw .noteNotIndividualized(participant, sameAs: twin.participant)
        }
    }

    /// Whether `participant`'s note carries the group's shared narrative: only when they attended.
    func takesNarrative(_ participant: ParticipantID) -> Bool {
        kind == .group && member(participant)?.attendance.status.attended == true
    }

    /// The time of day the session ends.
    var endTime: LocalTime {
        let minutes = (startTime.minutesSinceMidnight + durationMinutes) % (24 * 60)
        return LocalTime(hour: minutes / 60, minute: minutes % 60)!
    }
}

extension Note {
    /// Whether this note says what `other` says: the same sections in any order (Data and
    /// Assessment swapped), or the same text read through in format order (one member's DAP
    /// retyped as another's free-text note).
    func copies(_ other: Note) -> Bool {
        Set(foldedSections) == Set(other.foldedSections)
            || foldedSections.joined() == other.foldedSections.joined()
    }

    /// The sections as `String.foldedLetters`, in the format's order, empty ones left out.
    private var foldedSections: [String] {
        orderedSections.map(\.text.foldedLetters).filter { !$0.isEmpty }
    }
}

extension String {
    /// Letters of its own a section must add to a narrative it quotes: a few words ("Also.")
    /// do not describe the member.
    static let ownLettersNeeded = 20

    /// Whether this section repeats `narrative`: holds all of it and adds fewer than
    /// `ownLettersNeeded` letters of its own.
    func repeats(_ narrative: String) -> Bool {
        let shared = narrative.foldedLetters
        let own = foldedLetters
        guard !shared.isEmpty, own.contains(shared) else { return false }
        return own.count - shared.count < Self.ownLettersNeeded
    }
}
