import CaseloadCore
import TerminalKit

/// Support members and whether their consent lets staff disclose to them today.
enum FamilyTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let person = detail.participant
        let today = state.session.today
        let glyphs = state.session.glyphs
        var out = TextLines(width: width, ellipsis: state.session.glyphs.frame.ellipsis)
        if let contact = person.emergencyContact {
            out.heading("Emergency contact")
            out.field(ShownName.emergencyContact(contact, glyphs: glyphs),
                      "\(contact.relationship) \(glyphs.separator) \(contact.phone)")
        }
        out.heading("Support members and consents")
        guard !person.supportMembers.isEmpty else {
            out.append("  No support members recorded.", .muted)
            return out.lines
        }
        for member in person.supportMembers {
            out.blank()
            // The id first: `session add --support-member` and `participant consent` take it.
            var who = "\(member.id) \(glyphs.separator) \(ShownName.of(member.name, id: member.id, glyphs: glyphs))"
                + " (\(member.relationship))"
            if let phone = member.phone { who += " \(glyphs.separator) \(phone)" }
            out.append("  " + who, .title)
            out.field("Consent", consent(member.consent, today: today))
            if let consent = member.consent {
                out.field("Recipient", ShownName.of(consent.recipient, id: member.id, glyphs: glyphs))
                out.field("Purpose", consent.purpose)
                out.field("May receive", consent.categories.isEmpty
                    ? "Nothing named" : consent.categories.map(\.title).joined(separator: ", "))
            }
        }
        return out.lines
    }

    /// "Current until 1 May 2027", "Expired on 1 Oct 2026", "Revoked on 2 Nov 2026".
    static func consent(_ consent: DisclosureConsent?, today: LocalDate) -> [Span] {
        guard let consent else { return [Span("No consent on file; do not disclose", .flagWarning)] }
        if let revoked = consent.revokedOn, today >= revoked {
            return [Span("Revoked on \(Format.date(revoked)); do not disclose", .flagWarning)]
        }
        if let expires = consent.expiresOn, today > expires {
            return [Span("Expired on \(Format.date(expires)); do not disclose", .flagWarning)]
        }
        if today < consent.signedOn {
            return [Span("Starts on \(Format.date(consent.signedOn))", .value)]
        }
        let until = consent.expiresOn.map { " until \(Format.date($0))" } ?? " with no end date"
        return [Span("Current\(until)", .value), Span(" (signed \(Format.date(consent.signedOn)))", .muted)]
    }
}
