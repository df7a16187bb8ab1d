import CaseloadCore
import TerminalKit

/// A name as the terminal can show it. Where it shows ASCII only (LANG=C), a name is
/// transliterated ("Béranger" → "Beranger"), and one that cannot be spelled in ASCII is shown
/// as its id: three different people never all read "??, ????".
enum ShownName {
    static func of(_ name: String, id: String, glyphs: ConsoleGlyphs) -> String {
        guard glyphs.asciiOnly else { return name }
        return ASCIITransliteration.ascii(name) ?? id
    }

    /// An emergency contact has no id: one whose name cannot be shown is called what they are.
    static func emergencyContact(_ contact: EmergencyContact, glyphs: ConsoleGlyphs) -> String {
        of(contact.name, id: "Emergency contact", glyphs: glyphs)
    }

    /// A staff member's display name, or the id of one no longer on the list.
    static func staff(_ id: StaffID, in staff: [StaffID: Staff], glyphs: ConsoleGlyphs) -> String {
        of(staff[id]?.displayName ?? id.rawValue, id: id.rawValue, glyphs: glyphs)
    }
}

extension RosterRow {
    /// The roster's "Núñez, José (Pepe)" as the terminal can show it.
    func shownName(_ glyphs: ConsoleGlyphs) -> String {
        ShownName.of(name, id: id.rawValue, glyphs: glyphs)
    }

    /// The primary counselor's name as the terminal can show it.
    func shownCounselor(_ glyphs: ConsoleGlyphs) -> String {
        ShownName.of(counselorName, id: entry.primaryCounselor.rawValue, glyphs: glyphs)
    }
}

extension CaseloadFacts {
    /// The participant's roster name as the terminal can show it, or the id of one not on the roster.
    func shownName(of id: ParticipantID, glyphs: ConsoleGlyphs) -> String {
        row(id)?.shownName(glyphs) ?? id.rawValue
    }

    /// `person` as the roster names them, or by their record's name once off the roster (discharged).
    func shownName(of person: Participant, glyphs: ConsoleGlyphs) -> String {
        ShownName.of(row(person.id)?.name ?? person.sortName, id: person.id.rawValue, glyphs: glyphs)
    }
}
