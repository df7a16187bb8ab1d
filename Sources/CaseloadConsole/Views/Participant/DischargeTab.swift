import CaseloadCore
import TerminalKit

/// How the participant left and the aftercare that follows them, or their care so far.
enum DischargeTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let person = detail.participant
        let separator = state.session.glyphs.separator
        var out = TextLines(width: width, ellipsis: state.session.glyphs.frame.ellipsis)
        guard let discharge = person.discharge else {
            out.append("Not discharged", .title)
            out.append("In care since \(Format.date(person.admissionDate)); now in \(person.levelOfCare(on: state.session.today).title).", .value)
            out.heading("Level-of-care history")
            for change in person.levelOfCareHistory {
                out.field(Format.date(change.effective), "\(change.level.title) \(separator) \(change.reason) "
                          + "\(separator) \(ParticipantTabs.staffName(change.decidedBy, state))")
            }
            return out.lines
        }
        out.field("Discharged", Format.date(discharge.date))
        out.field("Type", discharge.type.title)
        out.field("By", ParticipantTabs.staffName(discharge.dischargedBy, state))
        out.heading("Summary")
        out.paragraph(discharge.summary)
        out.heading("Aftercare")
        let aftercare = discharge.aftercare
        if aftercare.supportGroups.isEmpty, aftercare.followUps.isEmpty, aftercare.soberLiving == nil {
            out.append("  No aftercare recorded.", .muted)
        }
        for group in aftercare.supportGroups { out.field("Support group", group) }
        for followUp in aftercare.followUps {
            out.field(Format.date(followUp.date), "\(followUp.with) \(separator) \(followUp.purpose)")
        }
        if let living = aftercare.soberLiving { out.field("Sober living", living) }
        out.heading("Level-of-care history")
        for change in person.levelOfCareHistory {
            out.field(Format.date(change.effective), "\(change.level.title) \(separator) \(change.reason)")
        }
        return out.lines
    }
}
