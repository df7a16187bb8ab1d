import CaseloadCore
import TerminalKit

/// The note editor on its screen: one member's note, a group's shared narrative, or an
/// addendum to a signed note. Leaving saves the text (unsigned); `Ctrl-S` signs after a `y`;
/// `Ctrl-E` hands the text to the user's own editor. Every rule is the core's: a refusal is
/// shown in place and the text stays.
struct NoteEditorScreen: ModalScreen, Equatable {
    enum Subject: Sendable, Equatable {
        case note(NoteTarget)
        case narrative(SessionID)
        case addendum(NoteTarget)

        var session: SessionID {
            switch self {
            case .note(let target), .addendum(let target): target.session
            case .narrative(let session): session
            }
        }
    }

    let subject: Subject
    var session: Session
    var format: NoteFormat
    var editor: NoteEditor
    /// What leaving asked for: close once this save is answered.
    var closingAfter: WriteRequest?
    /// The text as it stood when a save was asked for, and the editor's revision then.
    var sending: (text: [String: String], revision: Int)?

    static func == (lhs: NoteEditorScreen, rhs: NoteEditorScreen) -> Bool {
        lhs.subject == rhs.subject && lhs.session == rhs.session && lhs.format == rhs.format
            && lhs.editor == rhs.editor && lhs.closingAfter == rhs.closingAfter
            && lhs.sending?.text == rhs.sending?.text && lhs.sending?.revision == rhs.sending?.revision
    }

    /// Opens `subject` of `session` with the text it has now, in an editor sized for `state`.
    init(_ subject: Subject, of session: Session, state: ConsoleState) {
        self.subject = subject
        self.session = session
        let viewport = NoteEditorView.viewport(for: Self.editorArea(state.size))
        switch subject {
        case .note(let target):
            let note = session.member(target.participant)?.note
            format = note?.format ?? .dap
            editor = NoteEditor(format: format, text: note?.sections ?? [:], viewport: viewport)
        case .narrative:
            format = .free
            editor = NoteEditor(sections: [Self.narrativeSection], text: ["narrative": session.sharedNarrative ?? ""],
                                viewport: viewport)
        case .addendum:
            format = .free
            editor = NoteEditor(sections: [Self.addendumSection], text: [:], viewport: viewport)
        }
    }

    static let narrativeSection = NoteEditor.Section(key: "narrative", title: "Shared narrative")
    static let addendumSection = NoteEditor.Section(key: "addendum", title: "Addendum")

    /// Where the editor's text goes: the body less the frame and the two lines above the text.
    static func editorArea(_ size: Size) -> Rect {
        let body = ConsoleLayout.shell(size).body
        return Rect(x: body.x + 2, y: body.y + 3, width: max(1, body.width - 4), height: max(1, body.height - 4))
    }

    var keyMode: KeyMode { .editor }
    var hasUnsavedText: Bool { editor.hasUnsavedChanges }

    // MARK: Keys

    mutating func run(_ command: Command, in state: ConsoleState) -> ModalStep {
        editor.setViewport(NoteEditorView.viewport(for: Self.editorArea(state.size)))
        if let edit = command.editorCommand {
            editor.apply(edit)
            return ModalStep()
        }
        switch command {
        case .back: return leave()
        case .signNote: return askToSign(state)
        case .editOutside: return ModalStep(effects: [.editExternally(OutsideText.text(of: editor))])
        case .changeFormat: return changeFormat()
        default: return ModalStep()
        }
    }

    mutating func insert(_ text: String, in state: ConsoleState) -> ModalStep {
        editor.setViewport(NoteEditorView.viewport(for: Self.editorArea(state.size)))
        editor.apply(text.count > 1 ? .paste(text) : .type(text))
        return ModalStep()
    }

    func whyUnavailable(_ command: Command, in state: ConsoleState) -> String? {
        switch command {
        case .changeFormat:
            guard case .note = subject else { return "Only a member's note has a format" }
            return editor.text.values.contains(where: \.hasVisibleText)
                ? "The format can be changed only before anything is written" : nil
        case .signNote where closingAfter != nil:
            return "Saving…"
        default:
            return nil
        }
    }

    /// Esc: the text is saved unsigned and the editor closes once the core has it; nothing to
    /// save closes at once.
    private mutating func leave() -> ModalStep {
        guard let save = saveRequest(), editor.text != savedText else {
            return ModalStep(status: .info("Nothing changed"), next: .close)
        }
        closingAfter = save
        sending = (editor.text, editor.revision)
        return ModalStep(effects: [.write(save)], status: .info("Saving…"))
    }

    /// The text as the record now holds it.
    private var savedText: [String: String] {
        switch subject {
        case .note(let target):
            let sections = session.member(target.participant)?.note?.sections ?? [:]
            return Dictionary(uniqueKeysWithValues: editor.sections.map { ($0.key, sections[$0.key] ?? "") })
        case .narrative: return ["narrative": session.sharedNarrative ?? ""]
        case .addendum: return ["addendum": ""]
        }
    }

    /// The save that keeps the text as it is, unsigned; nil for an addendum, which is only ever
    /// added whole.
    private func saveRequest() -> WriteRequest? {
        switch subject {
        case .note(let target): .writeNote(target, format: format, sections: editor.text)
        case .narrative(let id): .writeNarrative(id, text: editor.text["narrative"] ?? "")
        case .addendum: nil
        }
    }

    private mutating func askToSign(_ state: ConsoleState) -> ModalStep {
        let signer = state.session.staff.signatureLine
        switch subject {
        case .note(let target):
            var effects: [Effect] = []
            if editor.text != savedText, let save = saveRequest() { effects.append(.write(save)) }
            effects.append(.write(.signNote(target)))
            let name = ParticipantTabs.participantName(target.participant, state)
            let group = session.kind == .group ? " with the group's narrative as it stands" : ""
            return .push(Question(
                "Sign \(name)'s note\(group) as \(signer)? A signed note cannot be changed; corrections are addenda.",
                effects: effects))
        case .narrative:
            return .status(.error("The narrative is signed with each member's note; S on the session signs them"))
        case .addendum(let target):
            let text = editor.text["addendum"] ?? ""
            return .push(Question("Add this addendum as \(signer), dated now? It cannot be changed afterwards.",
                                  effects: [.write(.addAddendum(target, text: text))]))
        }
    }

    private mutating func changeFormat() -> ModalStep {
        guard case .note = subject else { return ModalStep() }
        let formats = NoteFormat.allCases
        format = formats[((formats.firstIndex(of: format) ?? 0) + 1) % formats.count]
        editor = NoteEditor(format: format, text: [:], viewport: editor.viewport)
        return .status(.info("Format: \(format.title)"))
    }

    // MARK: Answers

    mutating func receive(_ event: ModalEvent, in state: ConsoleState) -> ModalStep {
        switch event {
        case .written(let reply) where reply.request.session == subject.session:
            return answered(reply)
        case .externalEditFinished(.edited(let text)):
            editor.replaceText(OutsideText.sections(from: text, of: editor))
            return .status(.info("Text taken back from your editor"))
        case .externalEditFinished(.failed(let reason)):
            return .status(.error(reason))
        default:
            return ModalStep()
        }
    }

    private mutating func answered(_ reply: WriteReply) -> ModalStep {
        if let saved = reply.savedSession { session = saved }
        guard case .saved = reply.result else {
            // Refused or failed: the text stays, and so does the editor.
            closingAfter = nil
            sending = nil
            return ModalStep()
        }
        if let sent = sending, isSave(reply.request) {
            editor.markSaved(sent.text, atRevision: sent.revision)
            sending = nil
        }
        switch reply.request {
        case .signNote, .addAddendum:
            return .close
        case let request where request == closingAfter:
            return .close
        default:
            return ModalStep()
        }
    }

    private func isSave(_ request: WriteRequest) -> Bool {
        switch request {
        case .writeNote, .writeNarrative: true
        default: false
        }
    }

    // MARK: Drawing

    func draw(_ state: ConsoleState, in rect: Rect, into screen: inout Screen) {
        let glyphs = state.session.glyphs
        screen.fill(rect)
        screen.box(rect, title: title(state), role: .borderFocused, titleRole: .titleFocused, glyphs: glyphs.frame)
        let inner = rect.inset(horizontal: 2, vertical: 1)
        guard !inner.isEmpty else { return }
        let about = "\(Wording.sessionTitle(session, separator: glyphs.separator)) \(glyphs.separator) "
            + "\(Format.weekdayDate(session.date)) \(session.startTime)"
        let state2 = editor.emptyRequiredCount == 0 ? Span(editor.completenessText, .muted)
            : Span(editor.completenessText, .flagWarning)
        screen.put([Span(about + "  ", .muted), state2], x: inner.x, y: inner.y, width: inner.width,
                   ellipsis: glyphs.frame.ellipsis)
        NoteEditorView.draw(editor, in: Self.editorArea(state.size), into: &screen, glyphs: glyphs)
    }

    private func title(_ state: ConsoleState) -> String {
        let separator = state.session.glyphs.separator
        switch subject {
        case .note(let target):
            return "\(format.title) note \(separator) \(ParticipantTabs.participantName(target.participant, state))"
        case .narrative:
            return "Shared narrative \(separator) every member's note shares it"
        case .addendum(let target):
            return "Addendum \(separator) \(ParticipantTabs.participantName(target.participant, state))"
        }
    }
}
