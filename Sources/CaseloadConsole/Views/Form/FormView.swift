import CaseloadCore
import TerminalKit

/// Draws a form: its notices (a banner first), then a line a field with the focused one marked,
/// and at the bottom what the core said about the last attempt or how to answer the field.
/// A form taller than the screen scrolls to keep the focused field in sight.
enum FormView {
    static func draw<Kind: FormKind>(_ form: FormScreen<Kind>, _ state: ConsoleState, in rect: Rect,
                                     into screen: inout Screen) {
        let glyphs = state.session.glyphs
        screen.fill(rect)
        screen.box(rect, title: form.kind.title(in: state), role: .borderFocused, titleRole: .titleFocused,
                   glyphs: glyphs.frame)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }

        var top = TextLines(width: inner.width, ellipsis: glyphs.frame.ellipsis)
        for notice in form.kind.notices(form.fields, in: state) {
            if notice.isAlarm {
                top.paragraph(glyphs.safetyFlag + " " + notice.text, indent: 0, role: .flagSafety)
            } else {
                top.paragraph(notice.text, indent: 0, role: .value)
            }
        }

        var body = TextLines(width: inner.width, ellipsis: glyphs.frame.ellipsis)
        body.labelWidth = labelWidth(form, width: inner.width)
        var focusedLine = 0
        for field in form.shownFields {
            if let section = field.section { body.heading(section) }
            let focused = field.key == form.focus
            if focused { focusedLine = body.lines.count }
            body.field((focused ? glyphs.frame.marker + " " : "  ") + field.label,
                       value(field.value, focused: focused, glyphs: glyphs))
        }

        var bottom = TextLines(width: inner.width, ellipsis: glyphs.frame.ellipsis)
        bottom.blank()
        if let problem = form.problem {
            bottom.paragraph(problem, indent: 0, role: .statusError)
        } else {
            let help = form.shownFields.first { $0.key == form.focus }.flatMap(\.help) ?? defaultHelp
            bottom.paragraph(help, indent: 0, role: .muted)
        }

        let noticeRows = min(top.lines.count, max(0, inner.height - 4))
        screen.put(top.lines, in: Rect(x: inner.x, y: inner.y, width: inner.width, height: noticeRows),
                   scroll: 0, ellipsis: glyphs.frame.ellipsis)
        let bottomRows = min(bottom.lines.count, max(0, inner.height - noticeRows - 1))
        let bodyRect = Rect(x: inner.x, y: inner.y + noticeRows + (noticeRows > 0 ? 1 : 0), width: inner.width,
                            height: max(0, inner.height - noticeRows - (noticeRows > 0 ? 1 : 0) - bottomRows))
        // Keep the focused field a third of the way down once the form no longer fits.
        let scroll = max(0, min(focusedLine - bodyRect.height / 3, body.lines.count - bodyRect.height))
        screen.put(body.lines, in: bodyRect, scroll: scroll, ellipsis: glyphs.frame.ellipsis)
        screen.put(bottom.lines, in: Rect(x: inner.x, y: bodyRect.bottom, width: inner.width, height: bottomRows),
                   scroll: 0, ellipsis: glyphs.frame.ellipsis)
    }

    private static let defaultHelp = "Tab or Enter moves to the next field, Shift-Tab back; Ctrl-S saves; Esc discards."

    /// Labels as wide as the longest, up to half the form, so long questions wrap under themselves.
    private static func labelWidth<Kind: FormKind>(_ form: FormScreen<Kind>, width: Int) -> Int {
        let longest = form.fields.all.map { DisplayWidth.of($0.label) + 2 }.max() ?? 10
        return max(10, min(longest, width / 2))
    }

    private static func value(_ value: FormValue, focused: Bool, glyphs: ConsoleGlyphs) -> [Span] {
        let cursor = focused ? [Span(" ", .inputCursor)] : []
        switch value {
        case .text(let text):
            return text.isEmpty && !focused ? [Span(glyphs.dash, .muted)] : [Span(text, .input)] + cursor
        case .date(let text, let suggested):
            return [Span(text, suggested ? .muted : .input)] + cursor
        case .choice(let options, let selected):
            let shown = selected.map { options[$0] } ?? glyphs.dash
            return [Span(focused ? "< \(shown) >" : shown, selected == nil ? .muted : .input)]
        case .yesNo(let answer):
            let shown = answer.map { $0 ? "Yes" : "No" } ?? (focused ? "y or n" : glyphs.dash)
            return [Span(shown, answer == nil ? .muted : .input)]
        case .score(let score, let maximum, let meanings):
            guard let score else {
                return [Span(focused ? "0 to \(maximum)" : glyphs.dash, .muted)] + cursor
            }
            let meaning = meanings.indices.contains(score) ? "  " + meanings[score] : ""
            return [Span(String(score), .input)] + cursor + [Span(meaning, .value)]
        case .check(let on):
            return [Span(on ? "[x]" : "[ ]", on ? .input : .value)]
        }
    }
}
