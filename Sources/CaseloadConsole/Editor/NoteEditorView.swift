import TerminalKit

/// Draws a `NoteEditor` into a rectangle: each section's label ("› Data" where the cursor is,
/// "not written yet" beside an empty required one), its text wrapped under it, a blank row
/// between sections, scrolled as the editor keeps it, and the terminal's cursor at the
/// editor's. No border: the screen that holds it frames it.
public enum NoteEditorView {
    /// Columns before the text: the label's marker and a space.
    static let textIndent = 2

    /// What to give `NoteEditor.setViewport` for an editor drawn in `rect`: the text columns
    /// (one column is kept for the cursor after a full row) and the rows.
    public static func viewport(for rect: Rect) -> Size {
        Size(cols: rect.width - textIndent - 1, rows: rect.height)
    }

    /// Draws `editor` in `rect`; with `showsCursor` false (a signed note, a conflict shown side
    /// by side) the cursor is left as it was and no section is marked.
    public static func draw(_ editor: NoteEditor, in rect: Rect, into screen: inout Screen, glyphs: ConsoleGlyphs,
                            showsCursor: Bool = true) {
        guard !rect.isEmpty else { return }
        var editor = editor
        // Drawn at a size the console did not give the editor (the first frame, a test): wrap
        // for this one; the console passes the size on with setViewport so this stays rare.
        if editor.viewport != viewport(for: rect) { editor.setViewport(viewport(for: rect)) }
        let top = editor.scrollTop
        let bottom = top + rect.height
        for (index, section) in editor.sections.enumerated() {
            let label = editor.labelRow(of: index)
            let text = editor.texts[index]
            guard label < bottom else { break }
            guard label + text.rowCount >= top else { continue }
            let current = showsCursor && index == editor.focus
            if label >= top {
                screen.put(labelSpans(section, written: text.hasVisibleText, current: current, glyphs: glyphs),
                           x: rect.x, y: rect.y + label - top, width: rect.width, ellipsis: glyphs.frame.ellipsis)
            }
            let firstRow = max(0, top - label - 1)
            let rows = firstRow..<min(text.rowCount, bottom - label - 1)
            for (offset, characters) in text.rowContents(rows).enumerated() {
                let shown = characters.contains("\t")
                    ? String(characters.flatMap { $0 == "\t" ? Array(repeating: " ", count: TextLine.tabWidth) : [$0] })
                    : String(characters)
                screen.put(shown, x: rect.x + textIndent, y: rect.y + label + 1 + rows.lowerBound + offset - top,
                           role: .value, maxWidth: rect.width - textIndent)
            }
        }
        guard showsCursor else { return }
        let cursor = editor.cursorDocumentPosition
        let point = Point(x: rect.x + textIndent + cursor.column, y: rect.y + cursor.row - top)
        screen.cursor = rect.contains(point) ? point : nil
    }

    /// "› Data", or "  Plan  not written yet" for a required section with nothing in it.
    private static func labelSpans(_ section: NoteEditor.Section, written: Bool, current: Bool,
                                   glyphs: ConsoleGlyphs) -> [Span] {
        let role: Role = current ? .titleFocused : .title
        let marker = current ? glyphs.frame.marker : " "
        var spans = [Span(marker + " ", role), Span(section.title, role)]
        if section.isRequired, !written { spans.append(Span("  not written yet", .muted)) }
        return spans
    }
}
