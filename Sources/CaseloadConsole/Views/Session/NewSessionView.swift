import CaseloadCore
import TerminalKit

/// Draws the new-session form: one line a field, the focused one marked, the picker's matches
/// under the members, and what the core said about the last attempt at the bottom.
enum NewSessionView {
    static func draw(_ form: NewSessionForm, _ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        screen.fill(rect)
        screen.box(rect, title: "New session", role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        var out = TextLines(width: inner.width, ellipsis: state.session.glyphs.frame.ellipsis)
        out.labelWidth = 11
        for field in form.fields {
            let focused = field == form.field
            out.field((focused ? glyphs.frame.marker + " " : "  ") + field.title, value(field, form, state, focused: focused))
            if focused { appendChoices(field, form, state, to: &out) }
        }
        out.blank()
        if let problem = form.problem {
            out.paragraph(problem, indent: 0, role: .statusError)
        } else {
            out.append(help(form.field), .muted)
        }
        screen.put(out.lines, in: inner, scroll: 0, ellipsis: glyphs.frame.ellipsis)
    }

    private static func value(_ field: NewSessionForm.Field, _ form: NewSessionForm, _ state: ConsoleState,
                              focused: Bool) -> [Span] {
        let cursor = focused ? [Span(" ", .inputCursor)] : []
        switch field {
        case .kind:
            return [Span(focused ? "< \(form.kind.title) >" : form.kind.title, .input)]
        case .date: return [Span(form.date, .input)] + cursor
        case .start: return [Span(form.start, .input)] + cursor
        case .minutes: return [Span(form.minutes, .input)] + cursor
        case .topic:
            let empty = form.kind == .group ? "Left/Right picks from the program's topics" : "Optional focus"
            return form.topic.isEmpty && !focused ? [Span(empty, .muted)] : [Span(form.topic, .input)] + cursor
        case .facilitators:
            return chosen(form.facilitators, focused: focused, empty: "You")
        case .members:
            return chosen(form.members, focused: focused, empty: "Type a name to add a member")
        case .supportMembers:
            let names = form.supportOptions(state).filter { form.supportMembers.contains($0.id) }.map(\.name)
            return [Span(names.isEmpty ? "None" : names.joined(separator: ", "), names.isEmpty ? .muted : .value)]
        }
    }

    private static func chosen(_ picker: Picker, focused: Bool, empty: String) -> [Span] {
        let names = picker.chosen.map(picker.label(of:)).joined(separator: "; ")
        var spans = names.isEmpty ? [] : [Span(names, .value)]
        if focused {
            spans += [Span(names.isEmpty ? "" : "; ", .value), Span(picker.query, .input), Span(" ", .inputCursor)]
        } else if spans.isEmpty {
            spans = [Span(empty, .muted)]
        }
        return spans
    }

    /// Under the focused picker: what the typed letters match; under the family field: each
    /// support member with their consent.
    private static func appendChoices(_ field: NewSessionForm.Field, _ form: NewSessionForm, _ state: ConsoleState,
                                      to out: inout TextLines) {
        let marker = state.session.glyphs.frame.marker
        switch field {
        case .members, .facilitators:
            let picker = field == .members ? form.members : form.facilitators
            guard !picker.query.isEmpty else { return }
            let matches = picker.matches
            if matches.isEmpty { out.append("            No one matches \"\(picker.query)\"", .muted) }
            for (index, option) in matches.prefix(6).enumerated() {
                let here = index == picker.highlighted
                out.append([Span("          " + (here ? marker : " ") + " ", .value),
                            Span(option.label, here ? .rosterSelected : .value)])
            }
        case .supportMembers:
            let options = form.supportOptions(state)
            if options.isEmpty {
                out.append("            Pick the participant first; their support members are listed here.", .muted)
            }
            for (index, member) in options.enumerated() {
                let here = index == form.supportHighlighted
                let box = form.supportMembers.contains(member.id) ? "[x]" : "[ ]"
                let consent = member.consent?.isCurrent(on: state.session.today) == true
                    ? "consent current" : "no current consent"
                out.append([Span("          " + (here ? marker : " ") + " \(box) ", .value),
                            Span("\(member.name) (\(member.relationship))", here ? .rosterSelected : .value),
                            Span(" \(state.session.glyphs.separator) \(consent)",
                                 consent == "consent current" ? .muted : .flagWarning)])
            }
        default:
            return
        }
    }

    private static func help(_ field: NewSessionForm.Field) -> String {
        switch field {
        case .kind: "Left/Right changes the kind. Tab moves to the next field; Ctrl-S records the session."
        case .topic: "Left/Right picks a topic from the catalog, or type one. Ctrl-S records the session."
        case .members, .facilitators: "Type letters of a name, Enter adds the highlighted one, Backspace takes back the last."
        case .supportMembers: "Space takes a support member in or out. Ctrl-S records the session."
        default: "Tab moves to the next field, Shift-Tab back; Ctrl-S records the session; Esc discards it."
        }
    }
}
