import CaseloadCore
import TerminalKit

/// A note being written: one labelled text per section of its format (DAP, SOAP, BIRP, free)
/// read top to bottom as one document, with one undo history, the count of required sections
/// still empty, and a revision counter the console autosaves by. Pure value: the console keeps
/// it in its state and draws it with `NoteEditorView`.
public struct NoteEditor: Sendable, Equatable {
    /// One labelled text of the note.
    public struct Section: Sendable, Equatable {
        /// The key the text is saved under (`NoteSection.key`).
        public let key: String
        public let title: String
        /// Whether signing needs it written (every section of a note format does).
        public let isRequired: Bool

        public init(key: String, title: String, isRequired: Bool = true) {
            self.key = key
            self.title = title
            self.isRequired = isRequired
        }
    }

    public let sections: [Section]
    /// The text of each section, in `sections` order.
    public private(set) var texts: [TextEditor]
    /// The section the cursor is in.
    public private(set) var focus = 0
    /// Goes up by one with every change of the text (undo and redo included), never otherwise.
    public private(set) var revision = 0
    /// The text columns and rows the editor is drawn in (see `NoteEditorView.viewport(for:)`).
    public private(set) var viewport: Size
    /// The first document row shown: section labels, text rows and the blank rows between
    /// sections, counted from the top.
    public private(set) var scrollTop = 0
    private var history = EditHistory()
    /// The display column Up and Down aim for, kept across rows shorter than it.
    private var goalColumn: Int?
    private var savedRevision = 0
    private var savedText: [String: String]

    /// A note of `format` holding `text` by section key; every section is required.
    public init(format: NoteFormat, text: [String: String], viewport: Size) {
        self.init(sections: format.sections.map { Section(key: $0.key, title: $0.title) }, text: text,
                  viewport: viewport)
    }

    /// Any labelled texts (a group's shared narrative, an addendum) as one document. The cursor
    /// starts at the end of the first section's text, to carry on writing.
    public init(sections: [Section], text: [String: String], viewport: Size) {
        precondition(!sections.isEmpty, "A note editor needs at least one section.")
        self.sections = sections
        self.viewport = viewport
        texts = sections.map { TextEditor(text: text[$0.key] ?? "", wrapWidth: viewport.cols) }
        for index in texts.indices { texts[index].moveToEnd() }
        savedText = [:]
        savedText = self.text
    }

    // MARK: What the console reads

    /// Every section's text by key, empty ones as "".
    public var text: [String: String] {
        Dictionary(uniqueKeysWithValues: zip(sections.map(\.key), texts.map(\.text)))
    }

    public var focusedSection: Section { sections[focus] }

    /// Required sections with nothing a reader would see, by the core's rule.
    public var emptyRequiredSections: [Section] {
        zip(sections, texts).filter { $0.isRequired && !$1.hasVisibleText }.map(\.0)
    }

    public var emptyRequiredCount: Int { emptyRequiredSections.count }

    /// "Every section is written", or "2 sections to write: Assessment, Plan".
    public var completenessText: String {
        let empty = emptyRequiredSections
        guard !empty.isEmpty else { return "Every section is written" }
        return "\(Format.count(empty.count, "section")) to write: " + empty.map(\.title).joined(separator: ", ")
    }

    /// Whether the text differs from what was last saved (`markSaved`).
    public var hasUnsavedChanges: Bool {
        revision != savedRevision && text != savedText
    }

    /// Records that `text`, the editor's text at `revision`, is saved. Typing that went on
    /// while the save ran keeps the editor unsaved.
    public mutating func markSaved(_ text: [String: String], atRevision revision: Int) {
        savedRevision = revision
        savedText = text
    }

    public var canUndo: Bool { !history.undoSteps.isEmpty }
    public var canRedo: Bool { !history.redoSteps.isEmpty }

    // MARK: Changing it

    /// The text width and height it is drawn in; wraps again when the width changed.
    public mutating func setViewport(_ size: Size) {
        viewport = size
        for index in texts.indices { texts[index].setWrapWidth(size.cols) }
        keepCursorVisible()
    }

    /// Replaces every section's text at once (the text back from `$VISUAL`), as one undo step;
    /// keys not in the note are ignored, sections missing from `text` are left as they are.
    public mutating func replaceText(_ text: [String: String]) {
        var edits: [(section: Int, edit: Edit)] = []
        for (index, section) in sections.enumerated() {
            guard let new = text[section.key].map(TextEditor.clean), new != texts[index].text else { continue }
            edits.append((index, texts[index].replace(from: .start, to: texts[index].end, with: new)))
        }
        guard !edits.isEmpty else { return }
        history.record(edits, kind: .other)
        revision += 1
        focus = edits[0].section
        goalColumn = nil
        keepCursorVisible()
    }

    public mutating func apply(_ command: EditorCommand) {
        if !command.isVertical { goalColumn = nil }
        switch command {
        case .type(let text): edit(.typing) { $0.insert(text) }
        case .paste(let text): edit(.other) { $0.insert(text) }
        case .newline: edit(.other) { $0.insert("\n") }
        case .deleteBackward: edit(.deletingBackward) { $0.deleteBackward() }
        case .deleteForward: edit(.deletingForward) { $0.deleteForward() }
        case .deleteWordBackward: edit(.deletingBackward) { $0.deleteWordBackward() }
        case .deleteWordForward: edit(.deletingForward) { $0.deleteWordForward() }
        case .left: move(backward: true) { $0.moveLeft() }
        case .right: move(backward: false) { $0.moveRight() }
        case .wordLeft: move(backward: true) { $0.moveWordLeft() }
        case .wordRight: move(backward: false) { $0.moveWordRight() }
        case .up: moveVertically(by: -1)
        case .down: moveVertically(by: 1)
        case .pageUp: page(by: -max(1, viewport.rows - 1))
        case .pageDown: page(by: max(1, viewport.rows - 1))
        case .rowStart: texts[focus].moveToRowStart()
        case .rowEnd: texts[focus].moveToRowEnd()
        case .noteStart:
            focus = 0
            texts[focus].moveToStart()
        case .noteEnd:
            focus = sections.count - 1
            texts[focus].moveToEnd()
        case .nextSection: focus = (focus + 1) % sections.count
        case .previousSection: focus = (focus + sections.count - 1) % sections.count
        case .undo: undo()
        case .redo: redo()
        }
        if !command.isEdit { history.close() }
        keepCursorVisible()
    }

    private mutating func edit(_ kind: EditKind, _ change: (inout TextEditor) -> Edit?) {
        guard let made = change(&texts[focus]) else { return }
        history.record([(focus, made)], kind: kind)
        revision += 1
    }

    /// A motion within the focused text; at its edge, on into the next section in that direction.
    private mutating func move(backward: Bool, _ motion: (inout TextEditor) -> Bool) {
        guard !motion(&texts[focus]) else { return }
        let next = backward ? focus - 1 : focus + 1
        guard sections.indices.contains(next) else { return }
        focus = next
        if backward { texts[focus].moveToEnd() } else { texts[focus].moveToStart() }
    }

    private mutating func undo() {
        guard let step = history.takeUndo() else { return }
        for (section, edit) in step.edits.reversed() { texts[section].revert(edit) }
        focus = step.edits[0].section
        revision += 1
    }

    private mutating func redo() {
        guard let step = history.takeRedo() else { return }
        for (section, edit) in step.edits { texts[section].reapply(edit) }
        focus = step.edits[step.edits.count - 1].section
        revision += 1
    }

    // MARK: Rows

    /// Up and Down by display row through every section's text, aiming for the same column.
    private mutating func moveVertically(by rows: Int) {
        let current = texts[focus].displayPosition(of: texts[focus].cursor)
        let goal = goalColumn ?? current.column
        var section = focus
        var row = current.row + rows
        while row < 0, section > 0 {
            section -= 1
            row += texts[section].rowCount
        }
        while row >= texts[section].rowCount, section + 1 < sections.count {
            row -= texts[section].rowCount
            section += 1
        }
        focus = section
        texts[section].move(toRow: row, column: goal)
        goalColumn = goal
    }

    /// PgUp and PgDn: the cursor and the view move together, so the cursor keeps its place on screen.
    private mutating func page(by rows: Int) {
        let before = cursorDocumentRow
        moveVertically(by: rows)
        scrollTop += cursorDocumentRow - before
    }

    /// The document row of each section's label: a label, the text's rows, a blank row.
    public func labelRow(of section: Int) -> Int {
        texts[..<section].reduce(0) { $0 + $1.rowCount + 2 }
    }

    public var documentRowCount: Int {
        labelRow(of: sections.count) - 1
    }

    /// The cursor's document row and display column (counted from the text's left edge).
    public var cursorDocumentPosition: (row: Int, column: Int) {
        let position = texts[focus].displayPosition(of: texts[focus].cursor)
        return (labelRow(of: focus) + 1 + position.row, position.column)
    }

    private var cursorDocumentRow: Int { cursorDocumentPosition.row }

    /// Scrolls as little as keeps the cursor in view, and its section's label with it when the
    /// cursor is on the section's first row.
    private mutating func keepCursorVisible() {
        let height = max(1, viewport.rows)
        let row = cursorDocumentRow
        let label = labelRow(of: focus)
        let wantedTop = row == label + 1 ? label : row
        if wantedTop < scrollTop { scrollTop = wantedTop }
        if row >= scrollTop + height { scrollTop = row - height + 1 }
        scrollTop = max(0, min(scrollTop, documentRowCount - height))
    }
}

extension EditorCommand {
    /// Up, Down and the page keys keep the column they aim for.
    fileprivate var isVertical: Bool {
        switch self {
        case .up, .down, .pageUp, .pageDown: true
        default: false
        }
    }

    /// Commands that change the text (and may run together in the undo history).
    fileprivate var isEdit: Bool {
        switch self {
        case .type, .paste, .newline, .deleteBackward, .deleteForward, .deleteWordBackward, .deleteWordForward: true
        default: false
        }
    }
}
