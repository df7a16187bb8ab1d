import CaseloadCore
import TerminalKit

/// The stay: for someone in care, the level they are in and its history with what is scheduled;
/// for someone discharged, how the stay ended and the aftercare that follows them; then earlier
/// stays. The first line names the keys that act on it here (step down or up, discharge, readmit).
enum DischargeTab {
    static func lines(_ detail: ParticipantDetail, state: ConsoleState, width: Int) -> [[Span]] {
        let person = detail.participant
        let today = state.session.today
        var out = TextLines(width: width, ellipsis: state.session.glyphs.frame.ellipsis)
        let keys = keyLine(state)
        if !keys.isEmpty {
            out.append(keys)
            out.blank()
        }
        if let discharge = person.discharge {
            dischargeLines(discharge, into: &out, state: state)
        } else {
            out.append("In care", .title)
            out.append("Since \(Format.date(person.admissionDate)); now in \(person.levelOfCare(on: today).title).", .value)
        }
        out.heading("Level-of-care history")
        history(person.levelOfCareHistory, into: &out, state: state)
        if !person.previousEpisodes.isEmpty {
            out.heading("Earlier stays")
            for episode in person.previousEpisodes.reversed() {
                let levels = episode.levelOfCareHistory.map(\.level.abbreviation)
                    .joined(separator: " \(state.session.glyphs.arrow) ")
                out.field(Format.date(episode.admissionDate),
                          "to \(Format.date(episode.discharge.date)) \(state.session.glyphs.separator) "
                              + "\(episode.discharge.type.title) \(state.session.glyphs.separator) \(levels)")
            }
        }
        return out.lines
    }

    /// "t step down/up   D discharge": the keys of this tab that can run now, from the key table.
    private static func keyLine(_ state: ConsoleState) -> [Span] {
        var spans: [Span] = []
        for command in [Command.changeLevelOfCare, .discharge, .readmit] {
            guard let binding = KeyTable.binding(for: command, in: .participant), let hint = binding.hint,
                  let key = binding.keys.first, binding.whyUnavailable(in: state) == nil else { continue }
            if !spans.isEmpty { spans.append(Span("   ")) }
            spans += [Span(key.description, .key), Span(" \(hint)", .value)]
        }
        return spans
    }

    private static func dischargeLines(_ discharge: Discharge, into out: inout TextLines, state: ConsoleState) {
        let separator = state.session.glyphs.separator
        out.field("Discharged", Format.date(discharge.date))
        out.field("Type", discharge.type.title)
        out.field("By", ParticipantTabs.staffName(discharge.dischargedBy, state))
        if let override = discharge.openFlagOverride {
            out.field("Open flag", "Discharged with a safety flag open: \(override)", .flagSafety)
        }
        out.heading("Summary")
        out.paragraph(discharge.summary)
        out.heading("Aftercare")
        let aftercare = discharge.aftercare
        if aftercare.isEmpty { out.append("  No aftercare recorded.", .muted) }
        for group in aftercare.supportGroups { out.field("Support group", group) }
        for followUp in aftercare.followUps {
            out.field(Format.date(followUp.date), "\(followUp.with) \(separator) \(followUp.purpose)")
        }
        if let living = aftercare.soberLiving { out.field("Sober living", living) }
    }

    /// Each change with its reason and who decided it; one that has not yet taken effect says so.
    private static func history(_ changes: [LevelOfCareChange], into out: inout TextLines, state: ConsoleState) {
        let separator = state.session.glyphs.separator
        for change in changes {
            let scheduled = change.effective > state.session.today ? " (scheduled)" : ""
            out.field(Format.date(change.effective), "\(change.level.title)\(scheduled) \(separator) \(change.reason) "
                      + "\(separator) \(ParticipantTabs.staffName(change.decidedBy, state))")
        }
    }
}
